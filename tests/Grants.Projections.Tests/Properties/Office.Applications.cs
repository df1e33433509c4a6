using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.EventStore;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.Properties;

internal sealed partial class Office
{
    // Sized so that a run of forty steps meets both the budget line and the per-person cap (art.18: 100 万元).
    private static readonly long[] EnterpriseAwardYuan = [100_000, 200_000, 300_000, 500_000];
    private static readonly long[] TalentAwardYuan = [200_000, 400_000, 600_000, 800_000];
    private static readonly OfficialId Auditor = new("auditor-fin-3");

    /// <summary>Aims the step at an application it fits. When none fits, one step in four probes a refusal on any
    /// application; the others move some application on by its next step, so that runs reach payments and clawbacks.</summary>
    private async Task<IReadOnlyList<StoredEvent>?> OnApplication(Step step)
    {
        if (_applications.Count == 0)
            return null;
        var fitting = _applications.Values.Where(s => Fits(step.Kind, s)).ToList();
        if (fitting.Count > 0)
            return await Application(Command(step, fitting[step.Pick % fitting.Count]));
        var all = _applications.Values.ToList();
        var state = all[step.Pick % all.Count];
        if (step.Size % 4 == 0)
            return await Application(Command(step, state));
        return NextStep(state) is { } next ? await Application(Command(step with { Kind = next }, state)) : null;
    }

    private static StepKind? NextStep(ApplicationState s) => s.Status switch
    {
        ApplicationStatus.Submitted => StepKind.ConfirmEligibility,
        ApplicationStatus.EligibilityConfirmed => StepKind.Assess,
        ApplicationStatus.Assessed => StepKind.Approve,
        ApplicationStatus.Approved => new[] { StepKind.ConfirmPayment, StepKind.Repay, StepKind.Instruct, StepKind.OrderClawback }
            .Cast<StepKind?>().FirstOrDefault(k => Fits(k!.Value, s), StepKind.Amend),
        _ => null,
    };

    private static bool Fits(StepKind kind, ApplicationState s) => kind switch
    {
        StepKind.ConfirmEligibility => s.Status == ApplicationStatus.Submitted,
        StepKind.Assess => s.Status == ApplicationStatus.EligibilityConfirmed,
        StepKind.Approve => s.Status == ApplicationStatus.Assessed,
        StepKind.Amend => s.Status == ApplicationStatus.Approved,
        StepKind.Instruct => s.Status == ApplicationStatus.Approved && s.Award!.CurrentAmount > s.Disbursed,
        StepKind.ConfirmPayment => s.Tranches.Any(t => t.Status == TrancheStatus.Instructed),
        StepKind.ReturnPayment => s.Tranches.Any(t => t.Status == TrancheStatus.Confirmed),
        StepKind.OrderClawback => s.Paid > s.Claimed,
        StepKind.Repay => s.Clawbacks.Any(c => c.IsOpen),
        _ => false,
    };

    private IApplicationCommand Command(Step step, ApplicationState s)
    {
        var id = s.Id!;
        return step.Kind switch
        {
            StepKind.ConfirmEligibility => new ConfirmEligibility(id, null, _today),
            StepKind.Assess => new AssessApplication(id, Filing.Assessor, 70, s.RequestedAmount, new ConflictOfInterestDeclaration(false, null), _today),
            StepKind.Approve => Filing.Approval(id, Award(step, s.MeasureId == Lines.Art18)) with { ApprovedOn = _today },
            StepKind.Amend => new AmendAward(id, Filing.Approver, Lines.Ipo, Award(step, s.MeasureId == Lines.Art18), "复核调整", _today),
            StepKind.Instruct => new InstructTranche(id, s.Tranches.Count + 1,
                Part((s.Award?.CurrentAmount ?? Money.Zero) - s.Disbursed, step.Size, 4), "收款单位", "6222021001000000001", _today),
            StepKind.ConfirmPayment => new ConfirmPayment(id, Tranche(s, TrancheStatus.Instructed, step), $"TR-{step.Size}", _today),
            StepKind.ReturnPayment => new RecordPaymentReturn(id, Tranche(s, TrancheStatus.Confirmed, step), "账户已销户", _today),
            StepKind.OrderClawback => new OrderClawback(id, new ClawbackId($"C{s.Clawbacks.Count + 1}"), Auditor, "审计发现不符合条件",
                Part(s.Paid - s.Claimed, step.Size, 2), _today),
            StepKind.Repay => Repayment(s, step),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step.Kind, "not an application step"),
        };
    }

    private RecordClawbackRepayment Repayment(ApplicationState s, Step step)
    {
        var open = s.Clawbacks.Where(c => c.IsOpen).ToList();
        var clawback = open.Count > 0 ? open[step.Pick % open.Count] : null;
        return new RecordClawbackRepayment(s.Id!, clawback?.Id ?? new ClawbackId("C1"),
            Part(clawback?.Outstanding ?? Lines.Yuan(1_000), step.Size, 2), $"BANK-{step.Size}", _today);
    }

    private static string Tranche(ApplicationState s, TrancheStatus status, Step step)
    {
        var matching = s.Tranches.Where(t => t.Status == status).ToList();
        return matching.Count > 0 ? matching[step.Pick % matching.Count].Reference : TrancheInstructed.ReferenceFor(s.Id!, 1);
    }

    private static Money Award(Step step, bool talent)
    {
        var sizes = talent ? TalentAwardYuan : EnterpriseAwardYuan;
        return Lines.Yuan(sizes[step.Size % sizes.Length]);
    }
}
