using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;

namespace Grants.Api.Services.Catalog;

/// <summary>The official behind a command, as the request names them (common.proto, Officer).</summary>
public sealed record RequestOfficer(string Id, BureauCode Bureau)
{
    public override string ToString() => $"{Bureau.Value}/{Id}";
}

public static class OfficerChecks
{
    /// <summary>Checks presence and shape by the same rule as every other service (common.proto: 1-64 characters, no
    /// "/" or spaces); whether the bureau exists and is in the key's scope is the service's next step, once every
    /// field is known to be well formed.</summary>
    public static RequestOfficer Officer(this RequestChecks checks, Officer? officer, string field = "officer")
    {
        var (id, bureau) = WireChecks.Officer(checks, officer, field);
        return new RequestOfficer(id.Value, bureau);
    }
}
