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
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Properties;

public sealed partial class World
{
    /// <summary>Amounts around every limit of the test catalog: zero, one fen, floors and caps and one fen either side.</summary>
    public static readonly Money[] Amounts =
    [
        Money.Zero, new(1), Money.FromYuan(3000), Money.FromYuan(6000), Money.FromWan(10) - new Money(1), Money.FromWan(10),
        Money.FromWan(20) - new Money(1), Money.FromWan(20), Money.FromWan(40), Money.FromWan(70), Money.FromWan(100),
        Money.FromWan(100) + new Money(1), Money.FromWan(300), Money.FromWan(999), Money.FromWan(1000), Money.FromWan(1500),
        Money.FromWan(2000), Money.FromWan(2000) + new Money(1), Money.FromWan(10000), -Money.FromWan(1),
    ];

    private static readonly MeasureId[] Measures = [Art1, Art3, Art5, Art17, Art18, Art19];
    private static readonly OfficialId[] People = [Officials.Assessor, Officials.Approver, Officials.SecondApprover, Officials.Finance];
    private static readonly string?[] TierCodes = ["municipal", "district", null, "provincial"];

    private (IApplicationCommand Command, ApplicationContext Context) Build(Op op, int slot)
    {
        var id = IdOf(slot);
        var state = Apps[slot];
        var applicant = Applicants.FirstOrDefault(a => a.Id == state.ApplicantId) ?? Applicants[op.C % Applicants.Length];
        var context = new ApplicationContext(Catalog, applicant);
        var measure = state.MeasureId is null ? null : Catalog.FindMeasure(state.MeasureId);
        var person = People[op.C % People.Length];
        var bureau = measure is null || op.D % 6 == 0 ? Finance : measure.ResponsibleBureaus[op.D % measure.ResponsibleBureaus.Count];
        var award = state.Award;
        IApplicationCommand command = op.Kind switch
        {
            OpKind.Submit => Submit(op, id, ref context),
            OpKind.ConfirmEligibility => new ConfirmEligibility(id, null, Clock),
            OpKind.RejectEligibility => new RejectEligibility(id, "不符合条件", Clock),
            OpKind.Withdraw => new WithdrawApplication(id, "撤回", Clock),
            OpKind.Assess => new AssessApplication(id, person, op.B % 110, Pick(op.B, state.RequestedAmount),
                new ConflictOfInterestDeclaration(op.D % 9 == 0, null), Clock),
            OpKind.Approve => new ApproveAward(id, person, bureau, Pick(op.B, state.Assessment?.RecommendedAmount ?? Money.Zero),
                op.D % 5 == 1 ? Ipo : null, Clock),
            OpKind.Reject => new RejectApplication(id, person, bureau, "不予支持", Clock),
            OpKind.Amend => new AmendAward(id, person, bureau, Pick(op.B, award is null ? Money.Zero : Half(award.CurrentAmount)), "调整", Clock),
            OpKind.Hold => new HoldPayments(id, "审计", Clock),
            OpKind.Release => new ReleasePayments(id, "解除", Clock),
            OpKind.Instruct => new InstructTranche(id, state.Tranches.Count + (op.D % 15 == 0 ? 2 : 1),
                Pick(op.B, award is null ? Money.Zero : award.CurrentAmount - state.Disbursed), "收款人", "6222021001123456789", Clock),
            OpKind.ConfirmPayment => new ConfirmPayment(id, TrancheRef(id, state, op.B, TrancheStatus.Instructed), "TR", Clock),
            OpKind.ReturnPayment => new RecordPaymentReturn(id, TrancheRef(id, state, op.B, TrancheStatus.Confirmed), "退回", Clock),
            OpKind.OrderClawback => new OrderClawback(id, new ClawbackId($"C{state.Clawbacks.Count + (op.D % 10 == 0 ? 0 : 1)}"), person,
                "追回", Pick(op.B, state.Paid - state.Claimed), Clock),
            OpKind.Repay => new RecordClawbackRepayment(id, ClawbackOf(state, op.B), Pick(op.C, Outstanding(state, op.B)), "BANK", Clock),
            OpKind.Offset => Offset(op, id, state, ref context),
            OpKind.WriteOff => new WriteOffClawback(id, ClawbackOf(state, op.B), "核销", Clock),
            OpKind.Close => new CloseApplication(id, null, Clock),
            _ => throw new ArgumentOutOfRangeException(nameof(op)),
        };
        return (command, context);
    }

    /// <summary>Mostly an eligible applicant, a fitting tier and an amount the measure allows; otherwise anything.</summary>
    private SubmitApplication Submit(Op op, ApplicationId id, ref ApplicationContext context)
    {
        var measure = Catalog.FindMeasure(Measures[op.B % Measures.Length])!;
        var eligible = Applicants.Where(a => measure.EligibleApplicants.Contains(a.Kind)).ToArray();
        var applicant = op.C % 6 == 0 || eligible.Length == 0 ? Applicants[op.C % Applicants.Length] : eligible[op.C % eligible.Length];
        context = context with { Applicant = applicant };
        var natural = NaturalAmounts[measure.Id];
        Money? amount = op.D % 5 == 0 ? Amounts[op.D % Amounts.Length] : natural[op.D % natural.Length];
        if (!measure.IsMonetary && op.D % 2 == 0)
            amount = null;
        var tier = measure.Id == Art19 ? TierCodes[op.D % 7 == 0 ? 2 : op.D % 2] : op.D % 13 == 0 ? TierCodes[3] : null;
        return new SubmitApplication(id, applicant.Id!, measure.Id, amount, tier, Clock);
    }

    private static readonly Dictionary<MeasureId, Money[]> NaturalAmounts = new()
    {
        [Art1] = [Money.FromWan(100), Money.FromWan(300), Money.FromWan(1500), Money.FromWan(2000)],
        [Art3] = [Money.FromWan(50), Money.FromWan(999), Money.FromWan(1000), Money.FromWan(5000)],
        [Art5] = [Money.Zero],
        [Art17] = [Money.FromYuan(3000), Money.FromYuan(5000)],
        [Art18] = [Money.FromWan(40), Money.FromWan(70), Money.FromWan(100)],
        [Art19] = [Money.FromWan(20), Money.FromWan(30)],
    };

    /// <summary>Mostly a standing tranche to the same beneficiary instructed after the clawback; otherwise any tranche.</summary>
    private OffsetClawback Offset(Op op, ApplicationId id, ApplicationState state, ref ApplicationContext context)
    {
        var clawback = state.Clawbacks.Count == 0 ? null : state.Clawbacks[op.B % state.Clawbacks.Count];
        var fitting = Apps.SelectMany(a => a.Tranches.Select(t => (App: a, Tranche: t)))
            .Where(x => x.App.BeneficiaryKey == state.BeneficiaryKey && x.Tranche.Status != TrancheStatus.Returned
                        && clawback is not null && x.Tranche.InstructedOn >= clawback.OrderedOn)
            .ToArray();
        var (other, reference) = fitting.Length > 0 && op.C % 4 != 0
            ? (fitting[op.D % fitting.Length].App, fitting[op.D % fitting.Length].Tranche.Reference)
            : (Apps[op.C % Slots], Apps[op.C % Slots].Tranches.Count == 0 ? "none" : Apps[op.C % Slots].Tranches[op.D % Apps[op.C % Slots].Tranches.Count].Reference);
        context = context with { OffsetAgainst = other };
        return new OffsetClawback(id, ClawbackOf(state, op.B), Pick(op.D, Outstanding(state, op.B)), other.Id ?? IdOf(op.C % Slots),
            reference, Clock);
    }

    /// <summary>Mostly the natural amount (the whole of it, half, or one fen over), otherwise one of <see cref="Amounts"/>.</summary>
    private static Money Pick(int choice, Money natural) => (choice % 8) switch
    {
        0 or 1 or 2 => natural,
        3 => Half(natural),
        4 => natural + new Money(1),
        _ => Amounts[choice % Amounts.Length],
    };

    private static Money Half(Money m) => new(m.Fen / 2);

    /// <summary>Mostly a tranche in the status the step expects, otherwise any number (possibly one that does not exist).</summary>
    private static string TrancheRef(ApplicationId id, ApplicationState state, int choice, TrancheStatus expected) =>
        state.Tranches.FirstOrDefault(t => t.Status == expected) is { } fitting && choice % 4 != 0
            ? fitting.Reference
            : TrancheInstructed.ReferenceFor(id, 1 + choice % (state.Tranches.Count + 1));

    private static ClawbackId ClawbackOf(ApplicationState state, int choice) =>
        state.Clawbacks.Count == 0 ? new ClawbackId("C1") : state.Clawbacks[choice % state.Clawbacks.Count].Id;

    private static Money Outstanding(ApplicationState state, int choice) =>
        state.Clawbacks.Count == 0 ? Money.FromWan(1) : state.Clawbacks[choice % state.Clawbacks.Count].Outstanding;
}
