using Grants.Api.Auth;
using Grants.Api.Tests.Infrastructure;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>A second server on the same database whose auditor key reaches one bureau only.</summary>
internal static class ScopedServer
{
    public static Task<GrantsServer> Start(string connectionString, string bureau) =>
        GrantsServer.Start(connectionString, [new TestApiKey($"auditor-{bureau}", TestApiKey.NewKey(), [Roles.Auditor], Bureaus: [bureau])]);
}
