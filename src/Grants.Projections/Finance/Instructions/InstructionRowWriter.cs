using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Projections.Ledgers;
using Npgsql;

namespace Grants.Projections.Finance.Instructions;

/// <summary>The payment instruction rows. An offset locks the instruction's row (as a confirmation does), so the
/// importer's last check of the payable amount, made after the projections ran, sees every committed offset.</summary>
internal sealed class InstructionRowWriter(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset at, CancellationToken ct)
{
    public Task Instruct(TrancheInstructed e) => Sql.Execute(c, t, ct, """
        insert into grants.finance_instructions (reference, application_id, tranche_number, payee_name, payee_account,
            amount_fen, paying_bureau, fiscal_year, measure_id, status, instructed_on, updated_at)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11)
        """, e.Reference, e.ApplicationId.Value, e.TrancheNumber, e.PayeeName, e.PayeeBankAccount, e.Amount.Fen,
        e.Ledger.PayingBureau.Value, e.Ledger.FiscalYear, e.Ledger.Measure.Value, e.InstructedOn, at);

    public Task Confirm(PaymentConfirmed e) => Sql.Execute(c, t, ct, """
        update grants.finance_instructions set status = 'confirmed', paid_on = $2, treasury_reference = $3, updated_at = $4
        where reference = $1
        """, e.Reference, e.PaidOn, e.TreasuryReference, at);

    public Task Return(PaymentReturned e) => Sql.Execute(c, t, ct, """
        update grants.finance_instructions set status = 'returned', returned_on = $2, updated_at = $3 where reference = $1
        """, e.Reference, e.ReturnedOn, at);

    /// <summary>Offsets against a tranche another projection already bounds by its amount; this only follows.</summary>
    public Task Offset(ClawbackRecovered e) => Sql.Execute(c, t, ct, """
        update grants.finance_instructions set offset_fen = offset_fen + $2, updated_at = $3 where reference = $1
        """, e.Reference, e.Amount.Fen, at);
}
