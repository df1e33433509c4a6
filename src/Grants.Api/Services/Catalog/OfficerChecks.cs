using Grants.Api.Errors;
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
    public const int MaxIdLength = 100;

    /// <summary>Checks presence and shape; whether the bureau exists and is in the key's scope is the service's
    /// next step, once every field is known to be well formed.</summary>
    public static RequestOfficer Officer(this RequestChecks checks, Officer? officer, string field = "officer")
    {
        if (officer is null)
        {
            checks.Add(field, "is required");
            return new RequestOfficer("", new BureauCode(""));
        }

        var id = checks.Name(officer.Id, $"{field}.id", MaxIdLength);
        var bureau = checks.Id(officer.BureauCode, $"{field}.bureau_code");
        return new RequestOfficer(id, new BureauCode(bureau));
    }
}
