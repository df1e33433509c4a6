using Grants.Domain.Catalog;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct CatalogMeasureRow(string PolicyId, bool Monetary, DateOnly ValidFrom, DateOnly ValidTo)
{
    public bool InForceOn(DateOnly day) => day >= ValidFrom && day <= ValidTo;
}

/// <summary>grants.catalog_measures as CatalogMeasuresWriter keeps it: one row per measure, replaced by a revision.</summary>
internal sealed class CatalogMeasures(Journal journal) : ImageTable<string, CatalogMeasureRow>(journal)
{
    public override string Name => "catalog_measures";

    public override IReadOnlyList<string> Columns { get; } = ["measure_id", "policy_id", "monetary", "valid_from", "valid_to"];

    protected override bool IsLedger => true;

    public void Upsert(PolicyDefinition policy)
    {
        foreach (var measure in policy.Measures)
        {
            Update(MeasureId.Of(new PolicyId(policy.Id), measure.Article).Value,
                new CatalogMeasureRow(policy.Id, measure.Kind != "non_monetary", policy.InForceFrom, policy.InForceTo));
        }
    }

    protected override string? Violated(in CatalogMeasureRow row) => null;

    protected override void Write(ShadowCopy importer, string key, CatalogMeasureRow row)
    {
        importer.Text(key);
        importer.Text(row.PolicyId);
        importer.Bool(row.Monetary);
        importer.Date(row.ValidFrom);
        importer.Date(row.ValidTo);
    }
}
