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

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    /// <summary>Applies one event. Events of other streams leave the state unchanged, so a mixed list can be folded.</summary>
    public static ApplicationState Evolve(ApplicationState state, IDomainEvent @event) => @event switch
    {
        ApplicationSubmitted e => state with
        {
            Id = e.ApplicationId,
            Status = ApplicationStatus.Submitted,
            ApplicantId = e.ApplicantId,
            MeasureId = e.MeasureId,
            ApplicantKind = e.ApplicantKind,
            BeneficiaryKey = e.BeneficiaryKey,
            RequestedAmount = e.RequestedAmount,
            TierCode = e.TierCode,
            LastStepOn = e.SubmittedOn,
        },
        ApplicationWithdrawn e => Step(state, ApplicationStatus.Withdrawn, e.WithdrawnOn) with { PendingApproval = null },
        EligibilityConfirmed e => Step(state, ApplicationStatus.EligibilityConfirmed, e.ConfirmedOn),
        EligibilityRejected e => Step(state, ApplicationStatus.EligibilityRejected, e.RejectedOn),
        ApplicationAssessed e => Step(state, ApplicationStatus.Assessed, e.AssessedOn) with
        {
            Assessment = new Assessment(e.Assessor, e.Score, e.RecommendedAmount, e.Declaration, e.AssessedOn),
        },
        AwardFirstApprovalRecorded e => Touch(state, e.ApprovedOn) with
        {
            PendingApproval = new PendingApproval(e.Approver, e.ApproverBureau, e.Amount, e.PayingBureau, e.ApprovedOn),
        },
        AwardApproved e => Step(state, ApplicationStatus.Approved, e.ApprovedOn) with
        {
            PendingApproval = null,
            Award = new Award(e.Amount, e.Amount, e.ApprovedOn, e.Ledger,
                e.FirstApprover is null ? [e.Approver] : [e.FirstApprover, e.Approver]),
        },
        ApplicationRejected e => Step(state, ApplicationStatus.Rejected, e.RejectedOn) with { PendingApproval = null },
        AwardAmendmentFirstApprovalRecorded e => Touch(state, e.AmendedOn) with
        {
            PendingAmendment = new PendingApproval(e.Approver, e.ApproverBureau, e.NewAmount, null, e.AmendedOn),
        },
        AwardAmended e => Touch(state, e.AmendedOn) with
        {
            PendingAmendment = null,
            Award = state.Award! with
            {
                CurrentAmount = e.NewAmount,
                Ledger = e.Ledger,
                Approvers = e.FirstApprover is null
                    ? state.Award.Approvers.Add(e.Approver)
                    : state.Award.Approvers.Add(e.FirstApprover).Add(e.Approver),
            },
        },
        PaymentsHeld e => Touch(state, e.HeldOn) with { Hold = new PaymentHold(e.Reason, e.HeldOn) },
        PaymentsReleased e => Touch(state, e.ReleasedOn) with { Hold = null },
        TrancheInstructed e => Touch(state, e.InstructedOn) with
        {
            Tranches = state.Tranches.Add(new Tranche(e.TrancheNumber, e.Reference, e.Amount, TrancheStatus.Instructed, e.InstructedOn, null)),
        },
        PaymentConfirmed e => Touch(state, e.PaidOn) with
        {
            Tranches = UpdateTranche(state, e.Reference, t => t with { Status = TrancheStatus.Confirmed, PaidOn = e.PaidOn }),
        },
        PaymentReturned e => Touch(state, e.ReturnedOn) with
        {
            Tranches = UpdateTranche(state, e.Reference, t => t with { Status = TrancheStatus.Returned }),
        },
        ClawbackOrdered e => Touch(state, e.OrderedOn) with
        {
            Clawbacks = state.Clawbacks.Add(new Clawback(e.ClawbackId, e.OrderedBy, e.Amount, Money.Zero, Money.Zero, e.OrderedOn)),
        },
        ClawbackRecovered e => Touch(state, e.RecoveredOn) with
        {
            Clawbacks = UpdateClawback(state, e.ClawbackId, c => c with { Recovered = c.Recovered + e.Amount }),
            Offsets = e.Kind == RecoveryKind.Offset
                ? state.Offsets.Add(new Offset(e.ClawbackId, e.OffsetApplication!, e.Reference, e.Amount))
                : state.Offsets,
        },
        ClawbackWrittenOff e => Touch(state, e.WrittenOffOn) with
        {
            Clawbacks = UpdateClawback(state, e.ClawbackId, c => c with { WrittenOff = c.WrittenOff + e.Amount }),
        },
        ApplicationClosed e => Step(state, ApplicationStatus.Closed, e.ClosedOn),
        _ => state,
    };

    private static ApplicationState Step(ApplicationState state, ApplicationStatus status, DateOnly on) =>
        Touch(state, on) with { Status = status };

    private static ApplicationState Touch(ApplicationState state, DateOnly on) =>
        state with { LastStepOn = on > state.LastStepOn ? on : state.LastStepOn };

    private static System.Collections.Immutable.ImmutableList<Tranche> UpdateTranche(
        ApplicationState state, string reference, Func<Tranche, Tranche> update)
    {
        var index = state.Tranches.FindIndex(t => t.Reference == reference);
        return state.Tranches.SetItem(index, update(state.Tranches[index]));
    }

    private static System.Collections.Immutable.ImmutableList<Clawback> UpdateClawback(
        ApplicationState state, ClawbackId id, Func<Clawback, Clawback> update)
    {
        var index = state.Clawbacks.FindIndex(c => c.Id == id);
        return state.Clawbacks.SetItem(index, update(state.Clawbacks[index]));
    }
}
