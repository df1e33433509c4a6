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
public sealed class ApplicationsProjection : IInlineProjection
{
    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            if (stored.Data is not IApplicationEvent)
                continue;
            await Project(stored, new ApplicationRowWriter(connection, transaction, stored, ct),
                new TrancheRowWriter(connection, transaction, stored.RecordedAt, ct));
        }

        await ApplicationNotesWriter.File(connection, transaction, events, ct);
    }

    private static async Task Project(StoredEvent stored, ApplicationRowWriter rows, TrancheRowWriter tranches)
    {
        switch (stored.Data)
        {
            case ApplicationSubmitted e:
                await rows.Insert(e);
                break;
            case ApplicationWithdrawn e:
                await rows.Decide("withdrawn", e.Reason);
                break;
            case EligibilityConfirmed:
                await rows.Step("eligibility_confirmed");
                break;
            case EligibilityRejected e:
                await rows.Decide("eligibility_rejected", e.Reason);
                break;
            case ApplicationAssessed:
                await rows.Step("assessed");
                break;
            case AwardFirstApprovalRecorded e:
                await rows.FirstApproval(e);
                break;
            case AwardApproved e:
                await rows.Approve(e);
                break;
            case ApplicationRejected e:
                await rows.Decide("rejected", e.Reason);
                break;
            case AwardAmended e:
                await rows.Set("current_fen = $4, amendment_count = amendment_count + 1", e.NewAmount.Fen);
                break;
            case PaymentsHeld e:
                await rows.Set("on_hold = true, hold_reason = $4", e.Reason);
                break;
            case PaymentsReleased e:
                await rows.Set("on_hold = false, hold_reason = $4", e.Reason);
                break;
            case TrancheInstructed e:
                await rows.Set("tranche_count = tranche_count + 1, in_flight_fen = in_flight_fen + $4", e.Amount.Fen);
                await tranches.Instruct(e);
                break;
            case PaymentConfirmed e:
                await rows.Set("in_flight_fen = in_flight_fen - $4, paid_fen = paid_fen + $4", e.Amount.Fen);
                await tranches.SetStatus(e.Reference, "paid");
                break;
            case PaymentReturned e:
                await rows.Set("paid_fen = paid_fen - $4", e.Amount.Fen);
                await tranches.SetStatus(e.Reference, "returned");
                break;
            case ClawbackOrdered e:
                await rows.Set("clawback_outstanding_fen = clawback_outstanding_fen + $4", e.Amount.Fen);
                break;
            case ClawbackRecovered e:
                await rows.Set("clawback_outstanding_fen = clawback_outstanding_fen - $4", e.Amount.Fen);
                if (e.Kind == RecoveryKind.Offset)
                    await tranches.Offset(e);
                break;
            case ClawbackWrittenOff e:
                await rows.Set("clawback_outstanding_fen = clawback_outstanding_fen - $4", e.Amount.Fen);
                break;
            case ApplicationClosed:
                await rows.Step("closed");
                break;
            default:
                await rows.Touch();
                break;
        }
    }
}
