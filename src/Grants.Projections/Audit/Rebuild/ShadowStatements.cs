using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>The statements on one shadow table. Identifiers go to PostgreSQL as parameters and come back quoted by
/// its own format('%I'), so no name is ever spliced into SQL text by this code.</summary>
internal sealed record ShadowStatements(string CreateTable, string LiveCount, string Differing)
{
    public static Task<string> CreateSchema(NpgsqlConnection c, NpgsqlTransaction t, string schema, CancellationToken ct) =>
        Text(c, t, "select format('create schema %I', $1::text)", ct, schema);

    public static async Task<ShadowStatements> For(NpgsqlConnection c, NpgsqlTransaction t, string schema, ProjectionTable table,
                                                   CancellationToken ct) => new(
        await Text(c, t, """
            select format('create unlogged table %1$I.%2$I (like grants.%2$I including defaults including constraints including generated)',
                          $1::text, $2::text)
            """, ct, schema, table.Name),
        await Text(c, t, "select format('select count(*) from grants.%I', $1::text)", ct, table.Name),
        await Text(c, t, table.Key.Count == 0 ? Multiset : ByKey, ct, schema, table.Name, table.Key.ToArray()));

    public static Task<string> CopyInto(NpgsqlConnection c, NpgsqlTransaction t, string schema, string table, IReadOnlyList<string> columns,
                                        CancellationToken ct) =>
        Text(c, t, """
            select format('copy %1$I.%2$I (%3$s) from stdin (format binary)', $1::text, $2::text,
                          (select string_agg(quote_ident(name), ', ' order by n) from unnest($3::text[]) with ordinality u(name, n)))
            """, ct, schema, table, columns.ToArray());

    // Rows matched on the primary key; only pairs that differ in any column, or have no partner, come back.
    private const string ByKey = """
        select format('select to_jsonb(l)::text, to_jsonb(s)::text from grants.%2$I l full join %1$I.%2$I s on %3$s '
                      'where l is distinct from s order by %4$s', $1::text, $2::text,
                      (select string_agg(format('l.%1$I = s.%1$I', k), ' and ' order by n) from unnest($3::text[]) with ordinality u(k, n)),
                      (select string_agg(format('coalesce(l.%1$I, s.%1$I)', k), ', ' order by n) from unnest($3::text[]) with ordinality u(k, n)))
        """;

    // Without a key a table is a multiset of rows: what one side holds more often than the other.
    private const string Multiset = """
        select format('select to_jsonb(l)::text, null::text from (select * from grants.%2$I except all select * from %1$I.%2$I) l '
                      'union all select null::text, to_jsonb(s)::text from (select * from %1$I.%2$I except all select * from grants.%2$I) s',
                      $1::text, $2::text, $3::text[])
        """;

    private static async Task<string> Text(NpgsqlConnection c, NpgsqlTransaction t, string sql, CancellationToken ct, params object[] args)
    {
        await using var command = new NpgsqlCommand(sql, c, t);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }
}
