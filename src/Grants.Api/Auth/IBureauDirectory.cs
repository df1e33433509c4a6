using Grants.Domain.Catalog;

namespace Grants.Api.Auth;

/// <summary>Where bureaus and jurisdictions sit, so a key scoped to a jurisdiction reaches that jurisdiction's
/// bureaus. The catalog knows this; the services register the live catalog's directory.</summary>
public interface IBureauDirectory
{
    /// <returns>null when the bureau is unknown.</returns>
    string? JurisdictionOf(string bureauCode);

    /// <returns>null for a top-level or unknown jurisdiction.</returns>
    string? ParentOf(string jurisdictionCode);
}

/// <summary>The directory of a catalog snapshot; the function is asked each time, so a reloaded catalog counts at once.</summary>
public sealed class CatalogBureauDirectory(Func<PolicyCatalog> catalog) : IBureauDirectory
{
    public string? JurisdictionOf(string bureauCode) =>
        catalog().FindBureau(new BureauCode(bureauCode))?.Jurisdiction.Value;

    public string? ParentOf(string jurisdictionCode) =>
        catalog().Jurisdictions.FirstOrDefault(j => j.Code.Value == jurisdictionCode)?.Parent?.Value;
}
