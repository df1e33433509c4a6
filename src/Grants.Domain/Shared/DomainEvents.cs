using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Registering;
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
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;

namespace Grants.Domain;

/// <summary>Every event with its stored name: the one list the event store registers (domain events declared here,
/// plus the catalog's own list). A stored name never changes once written; a changed shape gets a new ".v2" name and
/// an upcaster, never an edit here.</summary>
public static class DomainEvents
{
    public static IReadOnlyList<(string Name, Type Type)> All { get; } =
    [
        (ApplicantRegistered.Name, typeof(ApplicantRegistered)),
        (ApplicantCreditFlagged.Name, typeof(ApplicantCreditFlagged)),
        (ApplicantCreditCleared.Name, typeof(ApplicantCreditCleared)),

        (ApplicationSubmitted.Name, typeof(ApplicationSubmitted)),
        (ApplicationWithdrawn.Name, typeof(ApplicationWithdrawn)),
        (EligibilityConfirmed.Name, typeof(EligibilityConfirmed)),
        (EligibilityRejected.Name, typeof(EligibilityRejected)),
        (ApplicationAssessed.Name, typeof(ApplicationAssessed)),
        (AwardFirstApprovalRecorded.Name, typeof(AwardFirstApprovalRecorded)),
        (AwardApproved.Name, typeof(AwardApproved)),
        (ApplicationRejected.Name, typeof(ApplicationRejected)),
        (AwardAmendmentFirstApprovalRecorded.Name, typeof(AwardAmendmentFirstApprovalRecorded)),
        (AwardAmended.Name, typeof(AwardAmended)),
        (PaymentsHeld.Name, typeof(PaymentsHeld)),
        (PaymentsReleased.Name, typeof(PaymentsReleased)),
        (TrancheInstructed.Name, typeof(TrancheInstructed)),
        (PaymentConfirmed.Name, typeof(PaymentConfirmed)),
        (PaymentReturned.Name, typeof(PaymentReturned)),
        (ClawbackOrdered.Name, typeof(ClawbackOrdered)),
        (ClawbackRecovered.Name, typeof(ClawbackRecovered)),
        (ClawbackWrittenOff.Name, typeof(ClawbackWrittenOff)),
        (ApplicationClosed.Name, typeof(ApplicationClosed)),

        (AppropriationMade.Name, typeof(AppropriationMade)),
        (AppropriationAdjusted.Name, typeof(AppropriationAdjusted)),

        .. CatalogEvents.All,
    ];

    public static string NameOf(IDomainEvent @event) =>
        All.FirstOrDefault(e => e.Type == @event.GetType()).Name
        ?? throw new ArgumentException($"{@event.GetType().Name} is not a listed domain event", nameof(@event));
}
