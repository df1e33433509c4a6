using Grants.Domain;
using Npgsql;
using static Grants.Projections.Finance.FinanceParameters;

namespace Grants.Projections.Finance.Statements;

/// <summary>Reads of the reconciled statement lines: items for officers, and lines already imported for the import.</summary>
public sealed class StatementLineQueries(NpgsqlDataSource dataSource)
{
    internal const string Columns = """
        bank_transaction_id, statement_name, line_number, value_date, reference, counterparty_account, amount_fen,
        direction, kind, open, matched_reference, application_id, paying_bureau, fiscal_year, measure_id, expected_fen,
        detail, imported_at, resolution, resolved_by, resolved_at
        """;

    /// <summary>Up to <paramref name="limit"/> items (lines not simply confirmed), newest first.</summary>
    public async Task<IReadOnlyList<ItemRow>> Items(ItemFilter filter, ItemCursor? after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from grants.statement_lines
            where kind <> 'confirmed'
              and ($1::boolean is null or open = $1)
              and ($2::text is null or kind = $2)
              and ($3::text[] is null or paying_bureau is null or paying_bureau = any($3))
              and ($4::timestamptz is null or (imported_at, bank_transaction_id collate "C") < ($4, $5 collate "C"))
            order by imported_at desc, bank_transaction_id collate "C" desc
            limit $6
            """);
        command.Parameters.Add(Bool(filter.Open));
        command.Parameters.Add(Text(filter.Kind is { } kind ? StoredNames.Of(kind) : null));
        command.Parameters.Add(Texts(filter.Bureaus));
        command.Parameters.Add(Time(after?.ImportedAt));
        command.Parameters.Add(Text(after?.BankTransactionId));
        command.Parameters.Add(Int(limit));
        return await ReadAll(command, ct);
    }

    /// <summary>The lines already reconciled for these bank transaction ids, by id.</summary>
    public async Task<IReadOnlyDictionary<string, ItemRow>> Find(IReadOnlyCollection<string> bankTransactionIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from grants.statement_lines where bank_transaction_id = any($1)");
        command.Parameters.Add(Texts(bankTransactionIds));
        return (await ReadAll(command, ct)).ToDictionary(r => r.Line.BankTransactionId, StringComparer.Ordinal);
    }

    internal static async Task<List<ItemRow>> ReadAll(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<ItemRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(Read(reader));
        return rows;
    }

    private static ItemRow Read(NpgsqlDataReader r) => new(
        new StatementLine(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetFieldValue<DateOnly>(3), r.GetString(4), r.GetString(5),
            new Money(r.GetInt64(6)), StoredNames.Direction(r.GetString(7))),
        StoredNames.Kind(r.GetString(8)), r.GetBoolean(9), OptionalText(r, 10), OptionalText(r, 11), OptionalText(r, 12),
        r.IsDBNull(13) ? null : r.GetInt32(13), OptionalText(r, 14), r.IsDBNull(15) ? null : new Money(r.GetInt64(15)),
        r.GetString(16), r.GetFieldValue<DateTimeOffset>(17), OptionalText(r, 18), OptionalText(r, 19),
        r.IsDBNull(20) ? null : r.GetFieldValue<DateTimeOffset>(20));
}
