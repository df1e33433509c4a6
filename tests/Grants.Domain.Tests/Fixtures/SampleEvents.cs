using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Identity;
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
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Fixtures;

/// <summary>One instance of every domain event, with every optional field filled, for serialisation tests.</summary>
public static class SampleEvents
{
    private static readonly ApplicationId App = Commands.App;
    private static readonly DateOnly On = Dates.Approved;
    private static readonly LedgerKeys Keys = new(Ipo, 2025, Art18, new string('a', 64), Money.FromWan(100), true);
    private static readonly ClawbackId C1 = new("C1");

    public static IReadOnlyList<IDomainEvent> All { get; } =
    [
        new ApplicantRegistered(TestApplicants.PersonId, ApplicantKind.Person, "张三", new string('a', 64), null,
            PersonalIdentity.FromPassport("E12345678", "SGP", TestApplicants.Hasher).ValueOrThrow(),
            UnifiedSocialCreditCode.From(TestApplicants.EmployerCreditCode), "SH-HP", On),
        new ApplicantCreditFlagged(TestApplicants.FintechId, TestApplicants.FintechCreditCode, "CR-1", "失信", On),
        new ApplicantCreditCleared(TestApplicants.FintechId, TestApplicants.FintechCreditCode, "CR-1", "修复", On),
        new ApplicationSubmitted(App, TestApplicants.PersonId, Art19, ApplicantKind.Person, new string('a', 64), Money.FromWan(20), "municipal", On),
        new ApplicationWithdrawn(App, "why", On),
        new EligibilityConfirmed(App, "note", On),
        new EligibilityRejected(App, "why", On),
        new ApplicationAssessed(App, Officials.Assessor, 90, Money.FromWan(20), new ConflictOfInterestDeclaration(false, "none"), On),
        new AwardFirstApprovalRecorded(App, Officials.Approver, Ipo, Money.FromWan(1500), Stc, On),
        new AwardApproved(App, Officials.SecondApprover, Officials.Approver, Money.FromWan(20), On, Keys),
        new ApplicationRejected(App, "why", On),
        new AwardAmendmentFirstApprovalRecorded(App, Officials.Approver, Ipo, Money.FromWan(1200), "why", On),
        new AwardAmended(App, Officials.SecondApprover, Officials.Approver, Money.FromWan(20), Money.FromWan(20), Money.FromWan(15),
            -Money.FromWan(5), "why", On, Keys),
        new PaymentsHeld(App, "why", On),
        new PaymentsReleased(App, "why", On),
        new TrancheInstructed(App, 1, "HP-2025-000001-T1", Money.FromWan(15), "张三", "6222021001123456789", On, Keys),
        new PaymentConfirmed(App, "HP-2025-000001-T1", 1, Money.FromWan(15), "TR-1", On, Keys),
        new PaymentReturned(App, "HP-2025-000001-T1", 1, Money.FromWan(15), "closed", On, Keys),
        new ClawbackOrdered(App, C1, Officials.Finance, "why", Money.FromWan(5), On, Keys),
        new ClawbackRecovered(App, C1, RecoveryKind.Offset, Money.FromWan(5), "HP-2025-000002-T1", new ApplicationId("HP-2025-000002"), On, Keys),
        new ClawbackWrittenOff(App, C1, Money.FromWan(5), "why", On, Keys with { CumulativeCap = null, PerPerson = false }),
        new ApplicationClosed(App, "done", On),
        new AppropriationMade(new BudgetKey(Ipo, 2025, Art1), Money.FromWan(1000), "why", "doc", On),
        new AppropriationAdjusted(new BudgetKey(Ipo, 2025, Art1), -Money.FromWan(100), Money.FromWan(900), "why", "doc", On),
    ];
}
