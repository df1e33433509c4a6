using System.Data;
using System.Globalization;
using Grants.Contracts.V1;
using Npgsql;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>The live budget and beneficiary ledgers and the head position, read in one snapshot, as lines that
/// compare exactly: "HP-IPO 2025 HP-2024-3/1 appropriated=… committed=… paid=… recovered=…".</summary>
internal sealed record LedgerSnapshot(long Position, IReadOnlyList<string> Budgets, IReadOnlyList<string> Beneficiaries)
{
    public static async Task<LedgerSnapshot> Take(NpgsqlDataSource db)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var head = (long)(await Scalar(connection, transaction, "select position from grants.event_head"))!;
        var budgets = await Lines(connection, transaction, """
            select bureau, fiscal_year, measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen from grants.budget_ledgers
            """, r => Budget(r.GetString(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)));
        var beneficiaries = await Lines(connection, transaction, """
            select measure_id, beneficiary_key, awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers
            """, r => Beneficiary(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.IsDBNull(4) ? null : r.GetInt64(4)));
        return new LedgerSnapshot(head, budgets, beneficiaries);
    }

    public static LedgerSnapshot Of(GetLedgersAsOfResponse replayed) => new(
        replayed.Position,
        [.. replayed.BudgetLedgers.Select(l => Budget(l.BureauCode, l.FiscalYear, l.MeasureId, l.AppropriatedFen, l.CommittedFen, l.PaidFen, l.RecoveredFen)).Order(StringComparer.Ordinal)],
        [.. replayed.BeneficiaryLedgers.Select(l => Beneficiary(l.MeasureId, l.BeneficiaryKey, l.AwardedFen, l.PaidFen, l.HasCapFen ? l.CapFen : null)).Order(StringComparer.Ordinal)]);

    private static string Budget(string bureau, int year, string measure, long appropriated, long committed, long paid, long recovered) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{bureau} {year} {measure} appropriated={appropriated} committed={committed} paid={paid} recovered={recovered}");

    private static string Beneficiary(string measure, string key, long awarded, long paid, long? cap) =>
        string.Create(CultureInfo.InvariantCulture, $"{measure} {key} awarded={awarded} paid={paid} cap={cap?.ToString(CultureInfo.InvariantCulture) ?? "none"}");

    private static async Task<object?> Scalar(NpgsqlConnection c, NpgsqlTransaction t, string sql)
    {
        await using var command = new NpgsqlCommand(sql, c, t);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<IReadOnlyList<string>> Lines(NpgsqlConnection c, NpgsqlTransaction t, string sql, Func<NpgsqlDataReader, string> line)
    {
        await using var command = new NpgsqlCommand(sql, c, t);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
            lines.Add(line(reader));
        return [.. lines.Order(StringComparer.Ordinal)];
    }
}
