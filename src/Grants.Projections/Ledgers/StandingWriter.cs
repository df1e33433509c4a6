using Grants.Domain;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Credit standing per beneficiary. Approvals and instructions take a FOR SHARE lock on the row, a flag takes
/// it exclusively: whichever commits first wins, so nothing is ever approved or paid after a flag is recorded.</summary>
internal sealed class StandingWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    private const string RegisterSql = """
        insert into grants.beneficiary_standing (beneficiary_key, flagged, updated_at) values ($1, false, $2)
        on conflict (beneficiary_key) do nothing
        """;

    public Task Register(string beneficiaryKey) => Sql.Execute(c, t, ct, RegisterSql, beneficiaryKey, at);

    /// <summary>A flag opens one more case against the beneficiary; a clear closes one. Flagged while any is open.</summary>
    public Task Set(string beneficiaryKey, bool flagged, string registryReference) => Sql.Execute(c, t, ct, """
        insert into grants.beneficiary_standing (beneficiary_key, flagged, open_flags, registry_reference, updated_at)
        values ($1, $2, case when $2 then 1 else 0 end, $3, $4)
        on conflict (beneficiary_key) do update
           set open_flags = greatest(beneficiary_standing.open_flags + case when $2 then 1 else -1 end, 0),
               flagged = beneficiary_standing.open_flags + case when $2 then 1 else -1 end > 0,
               registry_reference = excluded.registry_reference,
               updated_at = excluded.updated_at
        """, beneficiaryKey, flagged, registryReference, at);

    public async Task EnsureNotFlagged(string beneficiaryKey, string action)
    {
        // The row must exist to be locked (a beneficiary registered before this table existed gets one now); both
        // statements go in one round trip.
        await using var batch = new NpgsqlBatch(c, t)
        {
            BatchCommands =
            {
                Command(RegisterSql, beneficiaryKey, at),
                Command("select flagged, registry_reference from grants.beneficiary_standing where beneficiary_key = $1 for share",
                    beneficiaryKey),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
        {
        }
        if (await reader.ReadAsync(ct) && reader.GetBoolean(0))
        {
            var reference = reader.IsDBNull(1) ? "" : $" (registry reference {reader.GetString(1)})";
            throw new LedgerRefusedException(new DomainError(
                LedgerErrorCodes.ApplicantFlagged,
                $"the beneficiary is flagged for serious illegal or dishonest conduct (严重违法失信){reference}: nothing may be {action}"));
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg });
        return command;
    }
}
