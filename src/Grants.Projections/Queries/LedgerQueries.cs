using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Queries;

/// <summary>Reads of the ledgers the inline projection keeps. Every statement is constant text with positional
/// parameters: optional filters are "$n is null or …", never SQL built from the request. Lines are ordered by
/// ordinal (collate "C") codes, so pages are stable whatever the database's locale.</summary>
public sealed class LedgerQueries(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "bureau, fiscal_year, measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen, updated_at";

    private const string Matches = """
        ($1::text is null or bureau = $1)
        and ($2::int is null or fiscal_year = $2)
        and ($3::text is null or measure_id = $3)
        and ($4::text[] is null or bureau = any($4))
        """;

    public async Task<BudgetLedgerRow?> Find(BudgetKey key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Find(connection, null, key, ct);
    }

    /// <summary>The line as the given transaction sees it: an append's own transaction reads what its events just did.</summary>
    public static async Task<BudgetLedgerRow?> Find(NpgsqlConnection connection, NpgsqlTransaction? transaction, BudgetKey key, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"select {Columns} from grants.budget_ledgers where bureau = $1 and fiscal_year = $2 and measure_id = $3",
            connection, transaction)
        {
            Parameters = { Text(key.Bureau.Value), Int(key.FiscalYear), Text(key.Measure.Value) },
        };
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadRow(reader) : null;
    }

    /// <summary>Up to <paramref name="limit"/> lines after <paramref name="after"/> (null: from the start).</summary>
    public async Task<IReadOnlyList<BudgetLedgerRow>> List(LedgerFilter filter, LedgerCursor? after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from grants.budget_ledgers
            where {Matches}
              and ($5::text is null
                   or (bureau collate "C", fiscal_year, measure_id collate "C") > ($5 collate "C", $6, $7 collate "C"))
            order by bureau collate "C", fiscal_year, measure_id collate "C"
            limit $8
            """);
        AddFilter(command, filter);
        command.Parameters.Add(Text(after?.Bureau));
        command.Parameters.Add(Int(after?.FiscalYear));
        command.Parameters.Add(Text(after?.Measure));
        command.Parameters.Add(Int(limit));

        var rows = new List<BudgetLedgerRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(ReadRow(reader));
        return rows;
    }

    public async Task<LedgerTotals> Totals(LedgerFilter filter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select count(*)::int, coalesce(sum(appropriated_fen), 0)::bigint, coalesce(sum(committed_fen), 0)::bigint,
                   coalesce(sum(paid_fen), 0)::bigint, coalesce(sum(recovered_fen), 0)::bigint, max(updated_at)
            from grants.budget_ledgers
            where {Matches}
            """);
        AddFilter(command, filter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new LedgerTotals(reader.GetInt32(0), new Money(reader.GetInt64(1)), new Money(reader.GetInt64(2)),
            new Money(reader.GetInt64(3)), new Money(reader.GetInt64(4)),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5));
    }

    /// <summary>Every line's available amount, for the ledger gauge.</summary>
    public async Task<IReadOnlyList<BudgetLedgerRow>> All(CancellationToken ct) =>
        await List(new LedgerFilter(null, null, null, null), null, int.MaxValue, ct);

    /// <summary>One beneficiary under one measure; <see cref="BeneficiaryTotals.None"/> before any award.</summary>
    public async Task<BeneficiaryTotals> Beneficiary(MeasureId measure, string beneficiaryKey, CancellationToken ct)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            select awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers where measure_id = $1 and beneficiary_key = $2
            """) { Parameters = { Text(measure.Value), Text(beneficiaryKey) } });
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            select application_id, recovered_fen from grants.awards where measure_id = $1 and beneficiary_key = $2
            order by application_id collate "C"
            """) { Parameters = { Text(measure.Value), Text(beneficiaryKey) } });

        await using var reader = await batch.ExecuteReaderAsync(ct);
        var ledger = await reader.ReadAsync(ct)
            ? (Awarded: new Money(reader.GetInt64(0)), Paid: new Money(reader.GetInt64(1)),
               Cap: reader.IsDBNull(2) ? (Money?)null : new Money(reader.GetInt64(2)))
            : (Awarded: Money.Zero, Paid: Money.Zero, Cap: null);
        await reader.NextResultAsync(ct);
        var applications = new List<string>();
        var recovered = Money.Zero;
        while (await reader.ReadAsync(ct))
        {
            applications.Add(reader.GetString(0));
            recovered += new Money(reader.GetInt64(1));
        }

        return new BeneficiaryTotals(ledger.Awarded, ledger.Paid, recovered, ledger.Cap, applications);
    }

    private static void AddFilter(NpgsqlCommand command, LedgerFilter filter)
    {
        command.Parameters.Add(Text(filter.Bureau?.Value));
        command.Parameters.Add(Int(filter.FiscalYear));
        command.Parameters.Add(Text(filter.Measure?.Value));
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            Value = filter.WithinBureaus is { } within ? within.Select(b => b.Value).ToArray() : DBNull.Value,
        });
    }

    private static BudgetLedgerRow ReadRow(NpgsqlDataReader reader) => new(
        new BudgetKey(new BureauCode(reader.GetString(0)), reader.GetInt32(1), new MeasureId(reader.GetString(2))),
        new Money(reader.GetInt64(3)), new Money(reader.GetInt64(4)), new Money(reader.GetInt64(5)), new Money(reader.GetInt64(6)),
        reader.GetFieldValue<DateTimeOffset>(7));

    private static NpgsqlParameter Text(string? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)value ?? DBNull.Value };

    private static NpgsqlParameter Int(int? value) =>
        new() { NpgsqlDbType = NpgsqlDbType.Integer, Value = value is { } v ? v : DBNull.Value };
}
