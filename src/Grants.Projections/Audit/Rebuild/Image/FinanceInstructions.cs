using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct FinanceInstructionRow(
    string ApplicationId, int TrancheNumber, string PayeeName, string PayeeAccount, long AmountFen, long OffsetFen,
    string PayingBureau, int FiscalYear, string MeasureId, string Status, DateOnly InstructedOn, DateOnly? PaidOn,
    string? TreasuryReference, DateOnly? ReturnedOn, DateTime UpdatedAt);

/// <summary>grants.finance_instructions as InstructionRowWriter keeps it.</summary>
internal sealed class FinanceInstructions(Journal journal, SharedText text) : ImageTable<string, FinanceInstructionRow>(journal)
{
    public override string Name => "finance_instructions";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "reference", "application_id", "tranche_number", "payee_name", "payee_account", "amount_fen", "offset_fen", "paying_bureau",
        "fiscal_year", "measure_id", "status", "instructed_on", "paid_on", "treasury_reference", "returned_on", "updated_at",
    ];

    public void Instruct(TrancheInstructed e, DateTime at) => Insert(text.Of(e.Reference), new FinanceInstructionRow(
        text.Of(e.ApplicationId.Value), e.TrancheNumber, text.Of(e.PayeeName), text.Of(e.PayeeBankAccount), e.Amount.Fen, 0,
        text.Of(e.Ledger.PayingBureau.Value), e.Ledger.FiscalYear, text.Of(e.Ledger.Measure.Value), "pending", e.InstructedOn, null, null, null, at));

    // Each change is written out rather than passed as a lambda: a closure per payment event is garbage by the million.
    public void Confirm(PaymentConfirmed e, DateTime at)
    {
        if (Find(e.Reference) is { } row)
            Update(e.Reference, row with { Status = "confirmed", PaidOn = e.PaidOn, TreasuryReference = e.TreasuryReference, UpdatedAt = at });
    }

    public void Return(PaymentReturned e, DateTime at)
    {
        if (Find(e.Reference) is { } row)
            Update(e.Reference, row with { Status = "returned", ReturnedOn = e.ReturnedOn, UpdatedAt = at });
    }

    public void Offset(ClawbackRecovered e, DateTime at)
    {
        if (Find(e.Reference) is { } row)
            Update(e.Reference, row with { OffsetFen = checked(row.OffsetFen + e.Amount.Fen), UpdatedAt = at });
    }

    protected override string? Violated(in FinanceInstructionRow row) =>
        row.AmountFen <= 0 || row.OffsetFen < 0 || row.OffsetFen > row.AmountFen ? "finance_instruction_amounts"
        : row.Status is not ("pending" or "confirmed" or "returned") ? "finance_instruction_status"
        : null;

    protected override void Write(ShadowCopy importer, string key, FinanceInstructionRow row)
    {
        importer.Text(key);
        importer.Text(row.ApplicationId);
        importer.Int(row.TrancheNumber);
        importer.Text(row.PayeeName);
        importer.Text(row.PayeeAccount);
        importer.Long(row.AmountFen);
        importer.Long(row.OffsetFen);
        importer.Text(row.PayingBureau);
        importer.Int(row.FiscalYear);
        importer.Text(row.MeasureId);
        importer.Text(row.Status);
        importer.Date(row.InstructedOn);
        importer.Date(row.PaidOn);
        importer.Text(row.TreasuryReference);
        importer.Date(row.ReturnedOn);
        importer.Time(row.UpdatedAt);
    }
}
