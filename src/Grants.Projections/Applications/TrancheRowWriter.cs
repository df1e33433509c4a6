using Grants.Domain;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Applications;

/// <summary>The tranche rows. An offset is one conditional UPDATE on the tranche's row: it waits for a concurrent
/// confirmation or offset of the same tranche and re-checks on the row it then sees, so money is never withheld from
/// a tranche already paid, nor more than the tranche holds.</summary>
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
                where payment_reference = $1 and status = 'instructed' and offset_fen + $2 <= amount_fen returning 1
                """, e.Reference, e.Amount.Fen, at))
            return;

        await using var command = Sql.Command(c, t, """
            select amount_fen, offset_fen, status from grants.application_tranches where payment_reference = $1
            """, e.Reference);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct) || reader.GetString(2) != "instructed")
            throw new LedgerRefusedException(new DomainError(ErrorCodes.TrancheNotInstructed,
                $"tranche {e.Reference} is not awaiting payment: only an instructed, unpaid tranche can be withheld from"));
        var breach = LimitBreach.Ceiling($"tranche {e.Reference}", new Money(reader.GetInt64(0)), new Money(reader.GetInt64(1)), e.Amount, "offset");
        throw new LedgerRefusedException(DomainError.Breach(ErrorCodes.OffsetExceedsDisbursement, breach, "amount_fen"));
    }
}
