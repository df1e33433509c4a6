using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Auth;

/// <summary>The authenticated calling system of the current request: its key's name (recorded as the actor in every
/// event), roles and scope. Services get it with <see cref="Of"/> and call <see cref="EnsureBureau"/> for every
/// bureau a request names, before deciding anything.</summary>
public sealed class CallerContext(string name, IReadOnlySet<string> roles, CallerScope scope, IBureauDirectory directory)
{
    public string Name { get; } = name;
    public IReadOnlySet<string> Roles { get; } = roles;
    public CallerScope Scope { get; } = scope;

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool CanReach(BureauCode bureau) => Scope.CoversBureau(bureau.Value, directory);

    public bool CanReach(JurisdictionCode jurisdiction) => Scope.CoversJurisdiction(jurisdiction.Value, directory);

    /// <summary>Throws PERMISSION_DENIED when the bureau is outside the key's scope.</summary>
    public void EnsureBureau(BureauCode bureau)
    {
        if (!CanReach(bureau))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"API key '{Name}' is not scoped for bureau '{bureau.Value}'."));
    }

    /// <summary>Throws PERMISSION_DENIED when the jurisdiction is outside the key's scope.</summary>
    public void EnsureJurisdiction(JurisdictionCode jurisdiction)
    {
        if (!CanReach(jurisdiction))
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"API key '{Name}' is not scoped for jurisdiction '{jurisdiction.Value}'."));
    }

    /// <summary>The caller the authentication middleware attached to this call. Every RPC except health and reflection
    /// has one; asking for it elsewhere is a programming error.</summary>
    public static CallerContext Of(ServerCallContext context) =>
        context.GetHttpContext().Features.Get<CallerContext>()
        ?? throw new InvalidOperationException($"No authenticated caller on {context.Method}.");
}
