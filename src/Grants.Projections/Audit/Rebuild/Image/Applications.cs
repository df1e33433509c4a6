using Grants.Domain.Applications.Submitting;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>A row of grants.applications.</summary>
internal readonly record struct ApplicationRow(
    string ApplicantId,
    string MeasureId,
    string Lifecycle,
    bool AwaitingSecondApproval,
    long RequestedFen,
    string? TierCode,
    int? FiscalYear,
    string? PayingBureau,
    DateOnly? ApprovedOn,
    long OriginalFen,
    long CurrentFen,
    int AmendmentCount,
    int TrancheCount,
    long InFlightFen,
    long PaidFen,
    long ClawbackOutstandingFen,
    bool OnHold,
    string? HoldReason,
    string? DecisionReason,
    DateOnly SubmittedOn,
    DateTime SubmittedAt,
    DateTime UpdatedAt,
    long Version);

/// <summary>grants.applications as ApplicationRowWriter keeps it: every change also stamps the event's time and the
/// stream version; a change to an application that has no row changes nothing.</summary>
internal sealed class Applications(Journal journal, SharedText text) : ImageTable<string, ApplicationRow>(journal)
{
    public override string Name => "applications";

    public override IReadOnlyList<string> Columns { get; } =
    [
        "application_id", "applicant_id", "measure_id", "lifecycle", "awaiting_second_approval", "requested_fen", "tier_code",
        "fiscal_year", "paying_bureau", "approved_on", "original_fen", "current_fen", "amendment_count", "tranche_count",
        "in_flight_fen", "paid_fen", "clawback_outstanding_fen", "on_hold", "hold_reason", "decision_reason", "submitted_on",
        "submitted_at", "updated_at", "version",
    ];

    public void Submit(ApplicationSubmitted e, DateTime at, long version) => Insert(text.Of(e.ApplicationId.Value), new ApplicationRow(
        text.Of(e.ApplicantId.Value), text.Of(e.MeasureId.Value), "submitted", false, e.RequestedAmount.Fen, e.TierCode, null, null, null, 0, 0, 0, 0, 0, 0,
        0, false, null, null, e.SubmittedOn, at, at, version));

    /// <summary>UPDATE … SET {change}, updated_at, version WHERE application_id, of a row that exists: the caller stamps
    /// the event's time and version.</summary>
    public void Change(string applicationId, in ApplicationRow changed) => Update(applicationId, in changed);

    protected override string? Violated(in ApplicationRow row) => null;

    protected override void Write(ShadowCopy importer, string key, ApplicationRow row)
    {
        importer.Text(key);
        importer.Text(row.ApplicantId);
        importer.Text(row.MeasureId);
        importer.Text(row.Lifecycle);
        importer.Bool(row.AwaitingSecondApproval);
        importer.Long(row.RequestedFen);
        importer.Text(row.TierCode);
        importer.Int(row.FiscalYear);
        importer.Text(row.PayingBureau);
        importer.Date(row.ApprovedOn);
        importer.Long(row.OriginalFen);
        importer.Long(row.CurrentFen);
        importer.Int(row.AmendmentCount);
        importer.Int(row.TrancheCount);
        importer.Long(row.InFlightFen);
        importer.Long(row.PaidFen);
        importer.Long(row.ClawbackOutstandingFen);
        importer.Bool(row.OnHold);
        importer.Text(row.HoldReason);
        importer.Text(row.DecisionReason);
        importer.Date(row.SubmittedOn);
        importer.Time(row.SubmittedAt);
        importer.Time(row.UpdatedAt);
        importer.Long(row.Version);
    }
}
