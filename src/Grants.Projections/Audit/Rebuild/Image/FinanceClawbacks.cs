using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;

namespace Grants.Projections.Audit.Rebuild.Image;

internal readonly record struct FinanceClawbackRow(
    string PayingBureau, int FiscalYear, string MeasureId, long OrderedFen, long RecoveredFen, long WrittenOffFen, DateOnly OrderedOn,
    DateTime UpdatedAt);

/// <summary>grants.finance_clawbacks as ClawbackRowWriter keeps it.</summary>
internal sealed class FinanceClawbacks(Journal journal) : ImageTable<(string ApplicationId, string ClawbackId), FinanceClawbackRow>(journal)
{
    public override string Name => "finance_clawbacks";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "application_id", "clawback_id", "paying_bureau", "fiscal_year", "measure_id", "ordered_fen", "recovered_fen", "written_off_fen",
        "ordered_on", "updated_at",
    ];

    public void Order(ClawbackOrdered e, DateTime at) => Insert((e.ApplicationId.Value, e.ClawbackId.Value), new FinanceClawbackRow(
        e.Ledger.PayingBureau.Value, e.Ledger.FiscalYear, e.Ledger.Measure.Value, e.Amount.Fen, 0, 0, e.OrderedOn, at));

    public void Recover(ClawbackRecovered e, DateTime at) => Change((e.ApplicationId.Value, e.ClawbackId.Value),
        row => row with { RecoveredFen = checked(row.RecoveredFen + e.Amount.Fen), UpdatedAt = at });

    public void WriteOff(ClawbackWrittenOff e, DateTime at) => Change((e.ApplicationId.Value, e.ClawbackId.Value),
        row => row with { WrittenOffFen = checked(row.WrittenOffFen + e.Amount.Fen), UpdatedAt = at });

    private void Change((string, string) key, Func<FinanceClawbackRow, FinanceClawbackRow> change)
    {
        if (Find(key) is { } row)
            Update(key, change(row));
    }

    protected override string? Violated(in FinanceClawbackRow row) =>
        row.RecoveredFen < 0 || row.WrittenOffFen < 0 || checked(row.RecoveredFen + row.WrittenOffFen) > row.OrderedFen
            ? "finance_clawback_settled_within_ordered"
            : null;

    protected override void Write(ShadowCopy importer, (string ApplicationId, string ClawbackId) key, FinanceClawbackRow row)
    {
        importer.Text(key.ApplicationId);
        importer.Text(key.ClawbackId);
        importer.Text(row.PayingBureau);
        importer.Int(row.FiscalYear);
        importer.Text(row.MeasureId);
        importer.Long(row.OrderedFen);
        importer.Long(row.RecoveredFen);
        importer.Long(row.WrittenOffFen);
        importer.Date(row.OrderedOn);
        importer.Time(row.UpdatedAt);
    }
}
