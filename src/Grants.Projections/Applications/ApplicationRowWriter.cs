using System.Collections.Concurrent;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Submitting;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Applications;

/// <summary>One event's change to its row of grants.applications; every change also records the stream version and
/// the time, so the row says how current it is. The row is a read model nothing in the append reads back and it
/// never refuses, so its writes are late writes: they ride in the chain step's round trip (EventStore LateWrites).</summary>
internal sealed class ApplicationRowWriter(LateWrites late, StoredEvent stored)
{
    private string Id => ((Grants.Domain.Applications.IApplicationEvent)stored.Data).ApplicationId.Value;

    public void Insert(ApplicationSubmitted e) => Write("""
        insert into grants.applications (application_id, applicant_id, measure_id, lifecycle, requested_fen, tier_code,
                                         submitted_on, submitted_at, updated_at, version)
        values ($1, $2, $3, 'submitted', $4, $5, $6, $7, $7, $8)
        """, e.ApplicationId.Value, e.ApplicantId.Value, e.MeasureId.Value, e.RequestedAmount.Fen, e.TierCode, e.SubmittedOn,
        stored.RecordedAt, stored.Version);

    public void Step(string lifecycle) => Set("lifecycle = $4", lifecycle);

    /// <summary>A final decision with its reason (withdrawn, ineligible, rejected); a pending first approval lapses.</summary>
    public void Decide(string lifecycle, string reason) =>
        Set("lifecycle = $4, decision_reason = $5, awaiting_second_approval = false", lifecycle, reason);

    public void FirstApproval(AwardFirstApprovalRecorded e) => Set("""
        awaiting_second_approval = true, original_fen = $4, current_fen = $4, paying_bureau = $5, fiscal_year = $6, approved_on = $7
        """, e.Amount.Fen, e.PayingBureau.Value, e.ApprovedOn.Year, e.ApprovedOn);

    public void Approve(AwardApproved e) => Set("""
        lifecycle = 'approved', awaiting_second_approval = false, original_fen = $4, current_fen = $4, paying_bureau = $5,
        fiscal_year = $6, approved_on = $7
        """, e.Amount.Fen, e.Ledger.PayingBureau.Value, e.Ledger.FiscalYear, e.ApprovedOn);

    /// <summary>An event that changes nothing listed still moves the row's version and time.</summary>
    public void Touch() => Write(Touched, Id, stored.RecordedAt, stored.Version);

    /// <summary>Parameters $1-$3 are the row's id, the time and the stream version; the assignments' own start at $4.
    /// The assignments are constants of the callers.</summary>
    public void Set(string assignments, params object?[] values) =>
        Write(Updates.GetOrAdd(assignments, static a => Update(a + ",")), [Id, stored.RecordedAt, stored.Version, .. values]);

    // Each statement is built once instead of at every event: two strings of a few hundred characters per approval.
    private static readonly ConcurrentDictionary<string, string> Updates = new(StringComparer.Ordinal);
    private static readonly string Touched = Update("");

    // Nothing to explain: only a constraint could refuse this row, and that is a bug to surface as it is.
    private void Write(string sql, params object?[] args) => late.Add(sql, args, (error, _, _, _) => Task.FromResult<Exception>(error));

    private static string Update(string assignments) =>
        $"update grants.applications set {assignments} updated_at = $2, version = $3 where application_id = $1";
}
