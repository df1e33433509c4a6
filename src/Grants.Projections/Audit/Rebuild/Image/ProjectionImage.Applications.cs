using System.Runtime.CompilerServices;
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
    /// <summary>ApplicationsProjection, step for step; an event it does not list still moves the row's version and time.
    /// The new row is computed in place (no closure per event: at a million events they were about 200 MB of the fold's
    /// garbage), and only when the row exists, as the UPDATE finds no row otherwise; tranches change either way.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Application(in ReplayedEvent stored, string id)
    {
        var (at, version) = (stored.RecordedAt.UtcDateTime, stored.Version);
        if (stored.Data is ApplicationSubmitted submitted)
        {
            _applications.Submit(submitted, at, version);
            return;
        }
        if (_applications.TryFind(id, out var row))
            _applications.Change(id, Changed(row, stored.Data) with { UpdatedAt = at, Version = version });
        switch (stored.Data)
        {
            case TrancheInstructed e:
                _tranches.Instruct(e, at);
                break;
            case PaymentConfirmed e:
                _tranches.SetStatus(e.Reference, "paid", at);
                break;
            case PaymentReturned e:
                _tranches.SetStatus(e.Reference, "returned", at);
                break;
            case ClawbackRecovered { Kind: RecoveryKind.Offset } e:
                _tranches.Offset(e, at);
                break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ApplicationRow Changed(in ApplicationRow r, object data) => data switch
    {
        ApplicationWithdrawn e => Decided(r, "withdrawn", e.Reason),
        EligibilityConfirmed => r with { Lifecycle = "eligibility_confirmed" },
        EligibilityRejected e => Decided(r, "eligibility_rejected", e.Reason),
        ApplicationAssessed => r with { Lifecycle = "assessed" },
        AwardFirstApprovalRecorded e => r with
        {
            AwaitingSecondApproval = true, OriginalFen = e.Amount.Fen, CurrentFen = e.Amount.Fen,
            PayingBureau = _text.Of(e.PayingBureau.Value), FiscalYear = e.ApprovedOn.Year, ApprovedOn = e.ApprovedOn,
        },
        AwardApproved e => r with
        {
            Lifecycle = "approved", AwaitingSecondApproval = false, OriginalFen = e.Amount.Fen, CurrentFen = e.Amount.Fen,
            PayingBureau = _text.Of(e.Ledger.PayingBureau.Value), FiscalYear = e.Ledger.FiscalYear, ApprovedOn = e.ApprovedOn,
        },
        ApplicationRejected e => Decided(r, "rejected", e.Reason),
        AwardAmended e => r with { CurrentFen = e.NewAmount.Fen, AmendmentCount = checked(r.AmendmentCount + 1) },
        PaymentsHeld e => r with { OnHold = true, HoldReason = e.Reason },
        PaymentsReleased e => r with { OnHold = false, HoldReason = e.Reason },
        TrancheInstructed e => r with { TrancheCount = checked(r.TrancheCount + 1), InFlightFen = checked(r.InFlightFen + e.Amount.Fen) },
        PaymentConfirmed e => r with { InFlightFen = checked(r.InFlightFen - e.Amount.Fen), PaidFen = checked(r.PaidFen + e.Amount.Fen) },
        PaymentReturned e => r with { PaidFen = checked(r.PaidFen - e.Amount.Fen) },
        ClawbackOrdered e => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen + e.Amount.Fen) },
        ClawbackRecovered e => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen - e.Amount.Fen) },
        ClawbackWrittenOff e => r with { ClawbackOutstandingFen = checked(r.ClawbackOutstandingFen - e.Amount.Fen) },
        ApplicationClosed => r with { Lifecycle = "closed" },
        _ => r,
    };

    /// <summary>A final decision with its reason; a pending first approval lapses.</summary>
    private static ApplicationRow Decided(in ApplicationRow row, string lifecycle, string reason) =>
        row with { Lifecycle = lifecycle, DecisionReason = reason, AwaitingSecondApproval = false };
}
