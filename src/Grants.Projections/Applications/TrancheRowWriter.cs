using Grants.Domain;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Applications;

/// <summary>The tranche rows. An offset is one conditional UPDATE on the tranche's row: it waits for a concurrent
/// offset or confirmation of the same tranche and re-checks on the row it then sees, so offsets from any number of
/// applications never withhold more than the tranche holds, nor anything from a returned one. The row stays locked
/// to the end of the transaction, so the API can check the tranche is still unpaid before it commits.</summary>
internal sealed class TrancheRowWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    public Task Instruct(TrancheInstructed e) => Sql.Execute(c, t, ct, """
        insert into grants.application_tranches (payment_reference, application_id, amount_fen, status, updated_at)
        values ($1, $2, $3, 'instructed', $4)
        """, e.Reference, e.ApplicationId.Value, e.Amount.Fen, at);

    public Task SetStatus(string reference, string status) => Sql.Execute(c, t, ct, """
        update grants.application_tranches set status = $2, updated_at = $3 where payment_reference = $1
        """, reference, status, at);

    public async Task Offset(ClawbackRecovered e)
    {
        if (await Sql.Affects(c, t, ct, """
                update grants.application_tranches set offset_fen = offset_fen + $2, updated_at = $3
                where payment_reference = $1 and status <> 'returned' and offset_fen + $2 <= amount_fen returning 1
                """, e.Reference, e.Amount.Fen, at))
            return;

        await using var command = Sql.Command(c, t, """
            select amount_fen, offset_fen, status from grants.application_tranches where payment_reference = $1
            """, e.Reference);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetString(2) == "returned")
            throw new LedgerRefusedException(new DomainError(ErrorCodes.OffsetDisbursementMissing,
                $"no standing disbursement {e.Reference} to withhold from"));
        var breach = LimitBreach.Ceiling($"tranche {e.Reference}", new Money(reader.GetInt64(0)), new Money(reader.GetInt64(1)), e.Amount, "offset");
        throw new LedgerRefusedException(DomainError.Breach(ErrorCodes.OffsetExceedsDisbursement, breach, "amount_fen"));
    }
}
