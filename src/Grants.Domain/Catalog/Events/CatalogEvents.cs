namespace Grants.Domain.Catalog;

/// <summary>The catalog's stream and its events' stored names. Names are stable forever: a new shape gets a new
/// ".v2" name and an upcaster, never a changed meaning under the old name.</summary>
public static class CatalogEvents
{
    /// <summary>All catalog events live in one stream, appended with ExpectedVersion.Any (it only grows).</summary>
    public const string StreamId = "catalog";

    public const string StreamType = "catalog";

    public const string JurisdictionRegistered = "jurisdiction_registered.v1";
    public const string JurisdictionRevised = "jurisdiction_revised.v1";
    public const string BureauRegistered = "bureau_registered.v1";
    public const string BureauRevised = "bureau_revised.v1";
    public const string PolicyRegistered = "policy_registered.v1";
    public const string PolicyRevised = "policy_revised.v1";
    public const string MeasureCapConfigured = "measure_cap_configured.v1";

    /// <summary>Every catalog event type with its stored name, for the event store's type registry.</summary>
    public static readonly IReadOnlyList<(string Name, Type Type)> All =
    [
        (JurisdictionRegistered, typeof(JurisdictionRegistered)),
        (JurisdictionRevised, typeof(JurisdictionRevised)),
        (BureauRegistered, typeof(BureauRegistered)),
        (BureauRevised, typeof(BureauRevised)),
        (PolicyRegistered, typeof(PolicyRegistered)),
        (PolicyRevised, typeof(PolicyRevised)),
        (MeasureCapConfigured, typeof(MeasureCapConfigured)),
    ];

    public static string NameOf(ICatalogEvent e) => All.Single(x => x.Type == e.GetType()).Name;
}
