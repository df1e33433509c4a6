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
using Grants.Projections.Audit.Rebuild.Feed;

namespace Grants.Projections.Audit.Rebuild.Image;

internal sealed partial class ProjectionImage
{
    /// <summary>ApplicationsProjection, step for step; an event it does not list still moves the row's version and time.</summary>
    private void Application(in ReplayedEvent stored, string id)
    {
        var (at, version) = (stored.RecordedAt, stored.Version);
        void Row(Func<ApplicationRow, ApplicationRow> change) => _applications.Change(id, at, version, change);
        switch (stored.Data)
        {
            case ApplicationSubmitted e:
                _applications.Submit(e, at, version);
                break;
            case ApplicationWithdrawn e:
                Row(r => Decided(r, "withdrawn", e.Reason));
                break;
            case EligibilityConfirmed:
                Row(r => r with { Lifecycle = "eligibility_confirmed" });
                break;
            case EligibilityRejected e:
                Row(r => Decided(r, "eligibility_rejected", e.Reason));
                break;
            case ApplicationAssessed:
                Row(r => r with { Lifecycle = "assessed" });
                break;
            case AwardFirstApprovalRecorded e:
                Row(r => r with
                {
                    AwaitingSecondApproval = true, OriginalFen = e.Amount.Fen, CurrentFen = e.Amount.Fen,
                    PayingBureau = _text.Of(e.PayingBureau.Value), FiscalYear = e.ApprovedOn.Year, ApprovedOn = e.ApprovedOn,
                });
                break;
            case AwardApproved e:
                Row(r => r with
                {
                    Lifecycle = "approved", AwaitingSecondApproval = false, OriginalFen = e.Amount.Fen, CurrentFen = e.Amount.Fen,
                    PayingBureau = _text.Of(e.Ledger.PayingBureau.Value), FiscalYear = e.Ledger.FiscalYear, ApprovedOn = e.ApprovedOn,
                });
                break;
            case ApplicationRejected e:
                Row(r => Decided(r, "rejected", e.Reason));
                break;
            case AwardAmended e:
                Row(r => r with { CurrentFen = e.NewAmount.Fen, AmendmentCount = checked(r.AmendmentCount + 1) });
                break;
            case PaymentsHeld e:
                Row(r => r with { OnHold = true, HoldReason = e.Reason });
                break;
            case PaymentsReleased e:
                Row(r => r with { OnHold = false, HoldReason = e.Reason });
                break;
            case TrancheInstructed e:
                Row(r => r with { TrancheCount = checked(r.TrancheCount + 1), InFlightFen = checked(r.InFlightFen + e.Amount.Fen) });
                _tranches.Instruct(e, at);
                break;
            case PaymentConfirmed e:
                Row(r => r with { InFlightFen = checked(r.InFlightFen - e.Amount.Fen), PaidFen = checked(r.PaidFen + e.Amount.Fen) });
                _tranches.SetStatus(e.Reference, "paid", at);
                break;
            case PaymentReturned e:
                Row(r => r with { PaidFen = checked(r.PaidFen - e.Amount.Fen) });
                _tranches.SetStatus(e.Reference, "returned", at);
                break;
            case ClawbackOrdered e:
                Row(r => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen + e.Amount.Fen) });
                break;
            case ClawbackRecovered e:
                Row(r => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen - e.Amount.Fen) });
                if (e.Kind == RecoveryKind.Offset)
                    _tranches.Offset(e, at);
                break;
            case ClawbackWrittenOff e:
                Row(r => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen - e.Amount.Fen) });
                break;
            case ApplicationClosed:
                Row(r => r with { Lifecycle = "closed" });
                break;
            default:
                Row(r => r);
                break;
        }
    }

    /// <summary>A final decision with its reason; a pending first approval lapses.</summary>
    private static ApplicationRow Decided(ApplicationRow row, string lifecycle, string reason) =>
        row with { Lifecycle = lifecycle, DecisionReason = reason, AwaitingSecondApproval = false };
}
