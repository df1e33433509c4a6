using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>The live budget and beneficiary ledgers' money columns, by key as people read it, from the comparison's
/// snapshot. Small tables (one row per budget line, per beneficiary and measure), so they are read whole.</summary>
public sealed record LiveLedgers(IReadOnlyDictionary<string, long?[]> Budgets, IReadOnlyDictionary<string, long?[]> Beneficiaries)
{
    public static readonly IReadOnlyList<string> BudgetColumns = ["appropriated_fen", "committed_fen", "paid_fen", "recovered_fen"];

    public static readonly IReadOnlyList<string> BeneficiaryColumns = ["awarded_fen", "paid_fen", "cap_fen"];

    public static async Task<LiveLedgers> Read(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) => new(
        await Read(connection, transaction, """
            select bureau || '|' || fiscal_year || '|' || measure_id, appropriated_fen, committed_fen, paid_fen, recovered_fen
              from grants.budget_ledgers
            """, BudgetColumns.Count, ct),
        await Read(connection, transaction, """
            select measure_id || '|' || beneficiary_key, awarded_fen, paid_fen, cap_fen from grants.beneficiary_ledgers
            """, BeneficiaryColumns.Count, ct));

    private static async Task<Dictionary<string, long?[]>> Read(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
                                                               int columns, CancellationToken ct)
    {
        var rows = new Dictionary<string, long?[]>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new long?[columns];
            for (var i = 0; i < columns; i++)
                values[i] = reader.IsDBNull(i + 1) ? null : reader.GetInt64(i + 1);
            rows[reader.GetString(0)] = values;
        }
        return rows;
    }
}
