using System.Data;
using Grants.Domain;
using Grants.EventStore;
using Grants.Projections.Finance.Statements;
using Npgsql;
using static Grants.Projections.Finance.FinanceParameters;

namespace Grants.Projections.Finance.Reports;

/// <summary>Reads the report in one REPEATABLE READ snapshot. Positions commit in order (the chain head is locked
/// last and held to commit), so the head seen by the snapshot is exactly the last event every table in it reflects;
/// the tie-out then folds the events up to that position and compares.</summary>
public sealed class ReportQueries(NpgsqlDataSource dataSource, EventTypeRegistry types)
{
    private const string LineFilter = """
        ($1::int is null or fiscal_year = $1) and ($2::text is null or {0} = $2) and ($3::text[] is null or {0} = any($3))
        """;

    public async Task<LedgerReport> Read(ReportFilter filter, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await Execute(connection, transaction, "set transaction read only", ct);

        var (position, recordedAt) = await Head(connection, transaction, ct);
        var rows = await Rows(connection, transaction, filter, ct);
        var items = await OpenItems(connection, transaction, filter, ct);
        var totals = new EventTotals();
        await Fold(connection, transaction, position, totals, ct);
        await transaction.CommitAsync(ct);

        var tieOut = TieOutResult.Compare(rows, totals.Figures(), filter, totals.EventsRead);
        var sum = rows.Aggregate(ReportFigures.Zero, (acc, r) => acc.Plus(r.Figures));
        return new LedgerReport(rows, sum, items, position, recordedAt, tieOut);
    }

    private static async Task<(long, DateTimeOffset?)> Head(NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            select h.position, e.recorded_at from grants.event_head h left join grants.events e on e.position = h.position
            """, c, t);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<DateTimeOffset>(1));
    }

    /// <summary>Every budget line with a ledger, an instruction or a clawback, with its figures.</summary>
    private static async Task<IReadOnlyList<ReportRow>> Rows(NpgsqlConnection c, NpgsqlTransaction t, ReportFilter filter, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            with ledgers as (
                select bureau, fiscal_year, measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen
                from grants.budget_ledgers where {string.Format(null, LineFilter, "bureau")}),
            instructed as (
                select paying_bureau as bureau, fiscal_year, measure_id, sum(amount_fen)::bigint as instructed_fen
                from grants.finance_instructions where status = 'pending' and {string.Format(null, LineFilter, "paying_bureau")}
                group by 1, 2, 3),
            receivable as (
                select paying_bureau as bureau, fiscal_year, measure_id,
                       sum(ordered_fen - recovered_fen - written_off_fen)::bigint as receivable_fen
                from grants.finance_clawbacks where {string.Format(null, LineFilter, "paying_bureau")}
                group by 1, 2, 3)
            select bureau, fiscal_year, measure_id,
                   coalesce(l.appropriated_fen, 0), coalesce(l.committed_fen, 0), coalesce(i.instructed_fen, 0),
                   coalesce(l.paid_fen, 0), coalesce(l.recovered_fen, 0), coalesce(r.receivable_fen, 0)
            from ledgers l
            full join instructed i using (bureau, fiscal_year, measure_id)
            full join receivable r using (bureau, fiscal_year, measure_id)
            order by bureau collate "C", fiscal_year, measure_id collate "C"
            """, c, t);
        AddFilter(command, filter);
        var rows = new List<ReportRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var line = new BudgetLine(reader.GetString(0), reader.GetInt32(1), reader.GetString(2));
            rows.Add(new ReportRow(line, new ReportFigures(Fen(reader, 3), Fen(reader, 4), Fen(reader, 5), Fen(reader, 6),
                Fen(reader, 7), Fen(reader, 8))));
        }
        return rows;
    }

    /// <summary>Open items of the report's lines, plus those of no budget line (unknown references) when the report
    /// is not for one bureau.</summary>
    private static async Task<IReadOnlyList<ItemRow>> OpenItems(NpgsqlConnection c, NpgsqlTransaction t, ReportFilter filter, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            select {StatementLineQueries.Columns} from grants.statement_lines
            where open and kind <> 'confirmed'
              and ((paying_bureau is null and $2::text is null)
                   or (paying_bureau is not null and {string.Format(null, LineFilter, "paying_bureau")}))
            order by imported_at, bank_transaction_id collate "C"
            """, c, t);
        AddFilter(command, filter);
        return await StatementLineQueries.ReadAll(command, ct);
    }

    private async Task Fold(NpgsqlConnection c, NpgsqlTransaction t, long position, EventTotals totals, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select type, data::text from grants.events where position <= $1 and type = any($2) order by position", c, t);
        command.Parameters.Add(Long(position));
        command.Parameters.Add(Texts(EventTotals.EventTypes));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            totals.Apply(types.Deserialize(reader.GetString(0), reader.GetString(1)));
    }

    private static void AddFilter(NpgsqlCommand command, ReportFilter filter)
    {
        command.Parameters.Add(Int(filter.FiscalYear));
        command.Parameters.Add(Text(filter.Bureau));
        command.Parameters.Add(Texts(filter.Bureaus));
    }

    private static Money Fen(NpgsqlDataReader reader, int ordinal) => new(reader.GetInt64(ordinal));

    private static async Task Execute(NpgsqlConnection c, NpgsqlTransaction t, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, c, t);
        await command.ExecuteNonQueryAsync(ct);
    }
}
