namespace Grants.Domain.Catalog;

public static partial class CatalogDecider
{
    /// <summary>The catalog after one event. Registration and revision both replace by code or id, so replaying the
    /// stream from the start rebuilds exactly the catalog the events describe.</summary>
    public static PolicyCatalog Evolve(PolicyCatalog state, ICatalogEvent e) => e switch
    {
        JurisdictionRegistered r => state.WithJurisdiction(r.Jurisdiction.ToJurisdiction()),
        JurisdictionRevised r => state.WithJurisdiction(r.Jurisdiction.ToJurisdiction()),
        BureauRegistered r => state.WithBureau(r.Bureau.ToBureau()),
        BureauRevised r => state.WithBureau(r.Bureau.ToBureau()),
        PolicyRegistered r => state.WithPolicy(r.Policy.ToPolicy()),
        PolicyRevised r => state.WithPolicy(r.Policy.ToPolicy()),
        MeasureCapConfigured c => state.WithConfiguredCap(
            new CapConfiguration(c.Measure, c.Cap, c.Bureau, c.RuleReference, c.EffectiveFrom)),
        _ => throw new ArgumentException($"Not a catalog event: {e.GetType().Name}", nameof(e)),
    };

    public static PolicyCatalog Evolve(PolicyCatalog state, IEnumerable<ICatalogEvent> events) =>
        events.Aggregate(state, Evolve);
}
