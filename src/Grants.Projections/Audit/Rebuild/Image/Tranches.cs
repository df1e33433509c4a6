using Grants.Domain;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecoveringClawbacks;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct TrancheRow(string ApplicationId, long AmountFen, long OffsetFen, string Status, DateTime UpdatedAt);

/// <summary>grants.application_tranches as TrancheRowWriter keeps it: offsets never withhold more than the tranche.</summary>
internal sealed class Tranches(Journal journal, SharedText text) : ImageTable<string, TrancheRow>(journal)
{
    public override string Name => "application_tranches";

    public override IReadOnlyList<string> Columns { get; } = ["payment_reference", "application_id", "amount_fen", "offset_fen", "status", "updated_at"];

    public void Instruct(TrancheInstructed e, DateTime at) =>
        Insert(text.Of(e.Reference), new TrancheRow(text.Of(e.ApplicationId.Value), e.Amount.Fen, 0, "instructed", at));

    public void SetStatus(string reference, string status, DateTime at)
    {
        if (Find(reference) is { } row)
            Update(reference, row with { Status = status, UpdatedAt = at });
    }

    public void Offset(ClawbackRecovered e, DateTime at)
    {
        var row = Find(e.Reference);
        if (row is { } standing && standing.Status != "returned" && checked(standing.OffsetFen + e.Amount.Fen) <= standing.AmountFen)
        {
            Update(e.Reference, standing with { OffsetFen = standing.OffsetFen + e.Amount.Fen, UpdatedAt = at });
            return;
        }

        if (row is not { } tranche || tranche.Status == "returned")
            throw Refusal.Ledger(new DomainError(ErrorCodes.OffsetDisbursementMissing, $"no standing disbursement {e.Reference} to withhold from"));
        var breach = LimitBreach.Ceiling($"tranche {e.Reference}", new Money(tranche.AmountFen), new Money(tranche.OffsetFen), e.Amount, "offset");
        throw Refusal.Ledger(DomainError.Breach(ErrorCodes.OffsetExceedsDisbursement, breach, "amount_fen"));
    }

    protected override string? Violated(in TrancheRow row) =>
        row.OffsetFen < 0 || row.OffsetFen > row.AmountFen ? "tranche_offset_within_amount" : null;

    protected override void Write(ShadowCopy importer, string key, TrancheRow row)
    {
        importer.Text(key);
        importer.Text(row.ApplicationId);
        importer.Long(row.AmountFen);
        importer.Long(row.OffsetFen);
        importer.Text(row.Status);
        importer.Time(row.UpdatedAt);
    }
}
