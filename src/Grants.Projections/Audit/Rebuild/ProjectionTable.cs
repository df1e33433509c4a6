using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>A table the projections fill, with the columns of its primary key (empty: compared as a multiset of rows).</summary>
public sealed record ProjectionTable(string Name, IReadOnlyList<string> Key)
{
    /// <summary>Tables in schema grants that are not derived from events: the store's own and the API's keys, request
    /// ids and the personal-ID key's fingerprint. A new table is compared unless it is listed here, so a forgotten
    /// projection shows up as a difference rather than going unchecked.</summary>
    public static readonly IReadOnlySet<string> NotDerived = new HashSet<string>(StringComparer.Ordinal)
    {
        "events", "streams", "event_head", "schema_migrations", "projection_checkpoints",
        "api_keys", "idempotency", "personal_id_key",
    };

    /// <summary>Every projection table of the live database, by name.</summary>
    public static async Task<IReadOnlyList<ProjectionTable>> List(NpgsqlConnection connection, NpgsqlTransaction? transaction,
                                                                  CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            select c.relname,
                   coalesce((select array_agg(a.attname::text order by k.ord)
                               from pg_index i
                              cross join lateral unnest(i.indkey::int2[]) with ordinality k(attnum, ord)
                               join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                              where i.indrelid = c.oid and i.indisprimary), '{}')
              from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'grants' and c.relkind = 'r' and c.relname::text <> all($1)
             order by c.relname
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = NotDerived.ToArray() });
        var tables = new List<ProjectionTable>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            tables.Add(new ProjectionTable(reader.GetString(0), reader.GetFieldValue<string[]>(1)));
        return tables;
    }
}
