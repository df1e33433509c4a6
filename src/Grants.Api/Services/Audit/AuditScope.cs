using Grants.Api.Auth;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Audit;

/// <summary>The whole log spans every bureau, so reading it whole needs an unrestricted key; a scoped auditor reads
/// what names its bureaus.</summary>
internal static class AuditScope
{
    public static void EnsureWholeLog(CallerContext caller, string what)
    {
        if (!caller.Scope.IsUnrestricted)
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"API key '{caller.Name}' is scoped to some bureaus; {what} needs an unrestricted key."));
    }

    /// <summary>A bureau filter within the key's scope, or else the whole log.</summary>
    public static void EnsureBureauOrWholeLog(CallerContext caller, string? bureau, string what)
    {
        if (bureau is null)
            EnsureWholeLog(caller, what + " without bureau_code");
        else
            caller.EnsureBureau(new BureauCode(bureau));
    }
}
