using Grants.Domain;
using Npgsql;
using static Grants.Projections.Finance.FinanceParameters;

namespace Grants.Projections.Finance.Instructions;

/// <summary>A clawback order as the finance read model holds it.</summary>
public sealed record ClawbackRow(string ApplicationId, string ClawbackId, string PayingBureau, int FiscalYear, string MeasureId,
                                 Money Ordered, Money Recovered, Money WrittenOff)
{
    public Money Receivable => Ordered - Recovered - WrittenOff;
}

/// <summary>Lookups of clawbacks by id, for the statement import (which bureau a repayment belongs to).</summary>
public sealed class ClawbackQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Clawback ids are unique across applications ("{application}-C{n}"), so the id alone finds one.</summary>
    public async Task<IReadOnlyDictionary<string, ClawbackRow>> Find(IReadOnlyCollection<string> clawbackIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("""
            select application_id, clawback_id, paying_bureau, fiscal_year, measure_id, ordered_fen, recovered_fen, written_off_fen
            from grants.finance_clawbacks where clawback_id = any($1)
            """);
        command.Parameters.Add(Texts(clawbackIds));
        var rows = new Dictionary<string, ClawbackRow>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new ClawbackRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetString(4), new(reader.GetInt64(5)), new(reader.GetInt64(6)), new(reader.GetInt64(7)));
            rows[row.ClawbackId] = row;
        }
        return rows;
    }
}
