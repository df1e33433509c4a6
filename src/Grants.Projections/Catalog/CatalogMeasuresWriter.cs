using Grants.Domain.Catalog;
using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Catalog;

/// <summary>Keeps grants.catalog_measures in step with the catalog stream: the facts the award ledger checks itself.</summary>
internal static class CatalogMeasuresWriter
{
    public static async Task Upsert(NpgsqlConnection c, NpgsqlTransaction t, PolicyDefinition policy, CancellationToken ct)
    {
        foreach (var measure in policy.Measures)
        {
            await Sql.Execute(c, t, ct, """
                insert into grants.catalog_measures (measure_id, policy_id, monetary, valid_from, valid_to)
                values ($1, $2, $3, $4, $5)
                on conflict (measure_id) do update
                   set policy_id = excluded.policy_id, monetary = excluded.monetary,
                       valid_from = excluded.valid_from, valid_to = excluded.valid_to
                """, MeasureId.Of(new PolicyId(policy.Id), measure.Article).Value, policy.Id,
                measure.Kind != "non_monetary", policy.InForceFrom, policy.InForceTo);
        }
    }
}
