using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.Closing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.EventStore;
using Npgsql;

namespace Grants.Projections.Applications;

/// <summary>Keeps grants.applications and grants.application_tranches in the append's transaction, so a listing never
/// lags behind a command's answer, and refuses an offset that would withhold more than a tranche holds (the tranche
/// row is shared by every application whose clawbacks offset against it).</summary>
public sealed class ApplicationsProjection : ILateWritingProjection
{
    /// <summary>All but the tranche rows, which are written at once (an offset reads them back).</summary>
    public bool WritesOnlyLate(object data) =>
        data is not (TrancheInstructed or PaymentConfirmed or PaymentReturned or ClawbackRecovered { Kind: RecoveryKind.Offset });

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var late = new LateWrites();
        await Apply(connection, transaction, events, late, ct);
        await late.ExecuteNow(connection, transaction, ct);
    }

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events,
                                 LateWrites late, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            if (stored.Data is not IApplicationEvent)
                continue;
            // Only the events that may write at once get the writer that does, so that an event said to write only
            // late (and so decided ahead in a pipelined batch) cannot reach the database here.
            var tranches = WritesOnlyLate(stored.Data) ? null : new TrancheRowWriter(connection, transaction, stored.RecordedAt, ct);
            await Project(stored, new ApplicationRowWriter(late, stored), tranches);
        }

        ApplicationNotesWriter.File(late, events);
    }

    private static async Task Project(StoredEvent stored, ApplicationRowWriter rows, TrancheRowWriter? tranches)
    {
        switch (stored.Data)
        {
            case ApplicationSubmitted e:
                rows.Insert(e);
                break;
            case ApplicationWithdrawn e:
                rows.Decide("withdrawn", e.Reason);
                break;
            case EligibilityConfirmed:
                rows.Step("eligibility_confirmed");
                break;
            case EligibilityRejected e:
                rows.Decide("eligibility_rejected", e.Reason);
                break;
            case ApplicationAssessed:
                rows.Step("assessed");
                break;
            case AwardFirstApprovalRecorded e:
                rows.FirstApproval(e);
                break;
            case AwardApproved e:
                rows.Approve(e);
                break;
            case ApplicationRejected e:
                rows.Decide("rejected", e.Reason);
                break;
            case AwardAmended e:
                rows.Set("current_fen = $4, amendment_count = amendment_count + 1", e.NewAmount.Fen);
                break;
            case PaymentsHeld e:
                rows.Set("on_hold = true, hold_reason = $4", e.Reason);
                break;
            case PaymentsReleased e:
                rows.Set("on_hold = false, hold_reason = $4", e.Reason);
                break;
            case TrancheInstructed e:
                rows.Set("tranche_count = tranche_count + 1, in_flight_fen = in_flight_fen + $4", e.Amount.Fen);
                await tranches!.Instruct(e);
                break;
            case PaymentConfirmed e:
                rows.Set("in_flight_fen = in_flight_fen - $4, paid_fen = paid_fen + $4", e.Amount.Fen);
                await tranches!.SetStatus(e.Reference, "paid");
                break;
            case PaymentReturned e:
                rows.Set("paid_fen = paid_fen - $4", e.Amount.Fen);
                await tranches!.SetStatus(e.Reference, "returned");
                break;
            case ClawbackOrdered e:
                rows.Set("clawback_outstanding_fen = clawback_outstanding_fen + $4", e.Amount.Fen);
                break;
            case ClawbackRecovered e:
                rows.Set("clawback_outstanding_fen = clawback_outstanding_fen - $4", e.Amount.Fen);
                if (e.Kind == RecoveryKind.Offset)
                    await tranches!.Offset(e);
                break;
            case ClawbackWrittenOff e:
                rows.Set("clawback_outstanding_fen = clawback_outstanding_fen - $4", e.Amount.Fen);
                break;
            case ApplicationClosed:
                rows.Step("closed");
                break;
            default:
                rows.Touch();
                break;
        }
    }
}
