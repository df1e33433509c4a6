using Npgsql;
using static Grants.Projections.Finance.FinanceParameters;

namespace Grants.Projections.Finance.Instructions;

/// <summary>Reads of the payment instructions: listing for the treasury export, and lookups by reference for the
/// statement import.</summary>
public sealed class InstructionQueries(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        reference, application_id, tranche_number, payee_name, payee_account, amount_fen, offset_fen, paying_bureau,
        fiscal_year, measure_id, status, instructed_on, paid_on, treasury_reference, returned_on, updated_at
        """;

    /// <summary>Up to <paramref name="limit"/> instructions after <paramref name="after"/>, in application and tranche order.</summary>
    public async Task<IReadOnlyList<InstructionRow>> List(InstructionFilter filter, InstructionCursor? after, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            select {Columns} from grants.finance_instructions
            where ($1::text is null or status = $1)
              and ($2::text is null or paying_bureau = $2)
              and ($3::int is null or fiscal_year = $3)
              and ($4::text is null or measure_id = $4)
              and ($5::text[] is null or paying_bureau = any($5))
              and ($6::text is null or (application_id collate "C", tranche_number) > ($6 collate "C", $7))
            order by application_id collate "C", tranche_number
            limit $8
            """);
        command.Parameters.Add(Text(filter.Status is { } status ? StatusName(status) : null));
        command.Parameters.Add(Text(filter.Bureau));
        command.Parameters.Add(Int(filter.FiscalYear));
        command.Parameters.Add(Text(filter.Measure));
        command.Parameters.Add(Texts(filter.Bureaus));
        command.Parameters.Add(Text(after?.ApplicationId));
        command.Parameters.Add(Int(after?.TrancheNumber));
        command.Parameters.Add(Int(limit));
        return await ReadAll(command, ct);
    }

    /// <summary>The instructions with these references, by reference (those that exist).</summary>
    public async Task<IReadOnlyDictionary<string, InstructionRow>> Find(IReadOnlyCollection<string> references, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from grants.finance_instructions where reference = any($1)");
        command.Parameters.Add(Texts(references));
        return (await ReadAll(command, ct)).ToDictionary(r => r.Reference, StringComparer.Ordinal);
    }

    /// <summary>One instruction as the given transaction sees it (inside an append: after the projections ran).</summary>
    public static async Task<InstructionRow?> Find(NpgsqlConnection connection, NpgsqlTransaction? transaction, string reference, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"select {Columns} from grants.finance_instructions where reference = $1", connection, transaction)
        {
            Parameters = { Text(reference) },
        };
        var rows = await ReadAll(command, ct);
        return rows.Count == 0 ? null : rows[0];
    }

    public static string StatusName(InstructionStatus status) => status switch
    {
        InstructionStatus.Pending => "pending",
        InstructionStatus.Confirmed => "confirmed",
        _ => "returned",
    };

    private static async Task<List<InstructionRow>> ReadAll(NpgsqlCommand command, CancellationToken ct)
    {
        var rows = new List<InstructionRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(Read(reader));
        return rows;
    }

    private static InstructionRow Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetString(4), new(r.GetInt64(5)), new(r.GetInt64(6)),
        r.GetString(7), r.GetInt32(8), r.GetString(9),
        r.GetString(10) switch { "pending" => InstructionStatus.Pending, "confirmed" => InstructionStatus.Confirmed, _ => InstructionStatus.Returned },
        r.GetFieldValue<DateOnly>(11), Date(r, 12), OptionalText(r, 13), Date(r, 14), r.GetFieldValue<DateTimeOffset>(15));
}
