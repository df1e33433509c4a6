using Grants.Domain.Applicants;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Properties;

/// <summary>The whole system in memory: the deciders, plus the two checks the database ledgers make inside the append
/// transaction (budget: committed + paid ≤ appropriated; cumulative per-beneficiary cap), emulated with the reference
/// <see cref="LedgerBook"/>. Every accepted decision is applied to its stream and to the ledgers in one step, as an
/// append would.</summary>
public sealed partial class World
{
    public const int Slots = 6;

    public World()
    {
        Catalog = TestCatalog.Current.WithConfiguredCap(TestCatalog.Art17, Money.FromYuan(5000));
        Applicants = [TestApplicants.Fintech, TestApplicants.Institution, TestApplicants.Person, TestApplicants.SamePersonOtherEmployer];
        for (var i = 0; i < Slots; i++)
        {
            Apps[i] = ApplicationState.Initial;
            AppStreams[i] = [];
        }
        Clock = new DateOnly(2024, 12, 20);
        AppropriateEveryLine();
    }

    public PolicyCatalog Catalog { get; }

    public ApplicantState[] Applicants { get; }

    public ApplicationState[] Apps { get; } = new ApplicationState[Slots];

    public List<IDomainEvent>[] AppStreams { get; } = new List<IDomainEvent>[Slots];

    public Dictionary<BudgetKey, BudgetState> Budgets { get; } = [];

    public Dictionary<BudgetKey, List<IDomainEvent>> BudgetStreams { get; } = [];

    public List<IDomainEvent> Log { get; } = [];

    public LedgerBook Book { get; private set; } = LedgerBook.Empty;

    public DateOnly Clock { get; private set; }

    public int Accepted { get; private set; }

    public static ApplicationId IdOf(int slot) => ApplicationId.Format("HP", 2025, slot + 1);

    public void Run(Op op)
    {
        Clock = Clock.AddDays(op.Days);
        switch (op.Kind)
        {
            case OpKind.Flag or OpKind.Clear:
                DecideApplicant(op);
                break;
            case OpKind.Appropriate or OpKind.Adjust:
                DecideBudget(op);
                break;
            default:
                DecideApplication(op);
                break;
        }
    }

    private void DecideApplication(Op op)
    {
        var slot = PickSlot(op);
        if (slot < 0)
        {
            // Nothing fits this step: take the next happy-path step of some application instead, so sequences get deep.
            slot = op.A % Slots;
            op = op with { Kind = NextStep(Apps[slot], op) };
        }
        var (command, context) = Build(op, slot);
        var result = ApplicationDecider.Decide(command, Apps[slot], context);
        if (result is not Result.Ok ok || !LedgersAccept(ok.Events))
            return;
        Invariants.OnAccepted(this, slot, ok.Events);
        foreach (var e in ok.Events)
        {
            Apps[slot] = ApplicationDecider.Evolve(Apps[slot], e);
            AppStreams[slot].Add(e);
            Append(e);
        }
    }

    /// <summary>Mostly an application in a status where the step makes sense; one time in eight any application, so
    /// that wrong-status refusals are probed too.</summary>
    private int PickSlot(Op op)
    {
        ApplicationStatus[] fitting = op.Kind switch
        {
            OpKind.Submit => [ApplicationStatus.None],
            OpKind.ConfirmEligibility or OpKind.RejectEligibility => [ApplicationStatus.Submitted],
            OpKind.Withdraw => [ApplicationStatus.Submitted, ApplicationStatus.EligibilityConfirmed, ApplicationStatus.Assessed],
            OpKind.Assess => [ApplicationStatus.EligibilityConfirmed],
            OpKind.Approve or OpKind.Reject => [ApplicationStatus.Assessed],
            _ => [ApplicationStatus.Approved],
        };
        var candidates = Enumerable.Range(0, Slots).Where(i => fitting.Contains(Apps[i].Status)).ToArray();
        if (op.A % 8 == 0)
            return op.A % Slots;
        return candidates.Length == 0 ? -1 : candidates[op.A % candidates.Length];
    }

    private static OpKind NextStep(ApplicationState s, Op op) => s.Status switch
    {
        ApplicationStatus.None => OpKind.Submit,
        ApplicationStatus.Submitted => OpKind.ConfirmEligibility,
        ApplicationStatus.EligibilityConfirmed => OpKind.Assess,
        ApplicationStatus.Assessed => OpKind.Approve,
        ApplicationStatus.Approved when s.InFlight.IsPositive => OpKind.ConfirmPayment,
        ApplicationStatus.Approved when s.Disbursed < s.Award!.CurrentAmount && op.B % 4 != 0 => OpKind.Instruct,
        ApplicationStatus.Approved when s.Clawbacks.Any(c => c.IsOpen) => op.B % 3 == 0 ? OpKind.Offset : OpKind.Repay,
        ApplicationStatus.Approved when s.Paid > s.Claimed && op.B % 2 == 0 => OpKind.OrderClawback,
        ApplicationStatus.Approved => OpKind.Close,
        _ => OpKind.Submit,
    };

    private void DecideApplicant(Op op)
    {
        // Clearing mostly targets a flagged applicant, so flags come and go instead of piling up.
        var flagged = Enumerable.Range(0, Applicants.Length).Where(i => Applicants[i].IsFlagged).ToArray();
        var index = op.Kind == OpKind.Clear && flagged.Length > 0 && op.B % 4 != 0 ? flagged[op.B % flagged.Length] : op.B % Applicants.Length;
        var applicant = Applicants[index];
        IApplicantCommand command = op.Kind == OpKind.Flag
            ? new FlagCredit(applicant.Id!, $"CR-{op.C}", "严重违法失信", Clock)
            : new ClearCredit(applicant.Id!, $"CR-{op.C}", "信用修复", Clock);
        if (ApplicantDecider.Decide(command, applicant) is not Result.Ok ok)
            return;
        foreach (var e in ok.Events)
        {
            Applicants[index] = ApplicantDecider.Evolve(Applicants[index], e);
            Append(e);
        }
    }

    private void DecideBudget(Op op)
    {
        var keys = Budgets.Keys.OrderBy(k => k.ToString(), StringComparer.Ordinal).ToArray();
        var key = keys[op.B % keys.Length];
        var amount = Amounts[op.C % Amounts.Length];
        IBudgetCommand command = op.Kind == OpKind.Appropriate
            ? new Appropriate(key, amount, "追加预算", "doc", Clock)
            : new AdjustAppropriation(key, op.D % 2 == 0 ? -amount : amount, "预算调整", "doc", Clock);
        ApplyBudget(key, BudgetDecider.Decide(command, Budgets.GetValueOrDefault(key, BudgetState.Initial), Catalog));
    }

    private void ApplyBudget(BudgetKey key, Result result)
    {
        if (result is not Result.Ok ok || !LedgersAccept(ok.Events))
            return;
        foreach (var e in ok.Events)
        {
            Budgets[key] = BudgetDecider.Evolve(Budgets.GetValueOrDefault(key, BudgetState.Initial), e);
            if (!BudgetStreams.TryGetValue(key, out var stream))
                BudgetStreams[key] = stream = [];
            stream.Add(e);
            Append(e);
        }
    }

    private void Append(IDomainEvent e)
    {
        Log.Add(e);
        Book = Book.Apply(e);
        Accepted++;
    }

    /// <summary>What the SQL ledgers refuse inside the append transaction.</summary>
    private bool LedgersAccept(IReadOnlyList<IDomainEvent> events) => events.All(e => e switch
    {
        AwardApproved a => Fits(a.Ledger, a.Amount),
        AwardAmended m => m.Delta <= Money.Zero || Fits(m.Ledger, m.Delta),
        AppropriationAdjusted j => Book.Budget(j.Budget) is var b && b.Appropriated + j.Delta >= b.Committed + b.Paid,
        _ => true,
    });

    private bool Fits(LedgerKeys keys, Money more)
    {
        var row = Book.Beneficiary(keys.Beneficiary);
        return Book.Budget(keys.Budget).CheckCommit(keys.Budget, more) is null
               && (row with { Cap = keys.CumulativeCap ?? row.Cap }).CheckAward(keys.Beneficiary, keys.PerPerson, more) is null;
    }

    /// <summary>Generous but finite budgets on every line an award could land on, so the budget check bites sometimes.</summary>
    private void AppropriateEveryLine()
    {
        foreach (var measure in Catalog.Measures.Where(m => m.IsMonetary))
        foreach (var bureau in measure.ResponsibleBureaus)
        foreach (var year in new[] { 2025, 2026, 2027 })
        {
            var key = new BudgetKey(bureau, year, measure.Id);
            ApplyBudget(key, BudgetDecider.Decide(new Appropriate(key, Money.FromWan(2500), "年度预算", "doc", new DateOnly(2025, 1, 2)),
                BudgetState.Initial, Catalog));
        }
    }
}
