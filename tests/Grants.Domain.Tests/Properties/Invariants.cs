using System.Text.Json;
using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Domain.Tests.Properties;

/// <summary>What must hold whatever the sequence of commands.</summary>
public static class Invariants
{
    /// <summary>Rules about the moment of a decision, checked on the events before they are applied.</summary>
    public static void OnAccepted(World world, int slot, IReadOnlyList<IDomainEvent> events)
    {
        var state = world.Apps[slot];
        var applicant = world.Applicants.First(a => a.Id == (state.ApplicantId ?? (events[0] as ApplicationSubmitted)?.ApplicantId));
        foreach (var e in events)
        {
            if (e is AwardApproved or TrancheInstructed or PaymentConfirmed)
                Assert.False(applicant.IsFlagged, $"{e.GetType().Name} while the applicant is flagged");
            if (e is TrancheInstructed or PaymentConfirmed)
                Assert.False(state.OnHold, $"{e.GetType().Name} while payments are on hold");
            if (e is AwardApproved a && a.Amount >= ApplicationContext.DefaultDualApprovalThreshold)
                Assert.True(a.FirstApprover is not null && a.FirstApprover != a.Approver, "a large award approved by one person");
            if (e is AwardAmended m && m.Delta.IsPositive && m.NewAmount >= ApplicationContext.DefaultDualApprovalThreshold)
                Assert.True(m.FirstApprover is not null && m.FirstApprover != m.Approver, "a large raise approved by one person");
        }
    }

    /// <summary>State invariants of every application and ledger row.</summary>
    public static void Hold(World world)
    {
        for (var slot = 0; slot < World.Slots; slot++)
            HoldFor(world, world.Apps[slot]);

        foreach (var (key, row) in world.Book.Budgets)
        {
            Assert.True(row.Committed >= Money.Zero && row.Paid >= Money.Zero && row.Recovered >= Money.Zero, $"{key}: negative column {row}");
            Assert.True(row.Committed + row.Paid <= row.Appropriated, $"{key}: committed + paid exceeds appropriated {row}");
            Assert.True(row.Recovered <= row.Paid, $"{key}: recovered exceeds paid {row}");
            Assert.Equal(world.Budgets.GetValueOrDefault(key, BudgetState.Initial).Appropriated, row.Appropriated);
        }
        foreach (var (key, row) in world.Book.Beneficiaries)
        {
            if (row.Cap is { } cap)
                Assert.True(row.Awarded <= cap, $"{key}: awarded {row.Awarded} over the cumulative cap {cap}");
            Assert.True(row.Paid <= row.Awarded, $"{key}: paid exceeds awarded {row}");
        }
        LedgersAgreeWithAwards(world);
    }

    private static void HoldFor(World world, ApplicationState s)
    {
        if (s.Award is not { } award)
        {
            Assert.Empty(s.Tranches);
            return;
        }
        var measure = world.Catalog.FindMeasure(s.MeasureId!)!;
        var policy = world.Catalog.FindPolicy(measure.Policy)!;
        Assert.True(s.Disbursed <= award.CurrentAmount, $"{s.Id}: disbursed {s.Disbursed} over the award {award.CurrentAmount}");
        Assert.True(s.Paid <= award.CurrentAmount, $"{s.Id}: paid over approved");
        Assert.True(s.Claimed <= s.Paid, $"{s.Id}: clawbacks claim more than was paid");
        Assert.True(s.Recovered <= s.Paid, $"{s.Id}: recovered {s.Recovered} over paid {s.Paid}");
        Assert.True(policy.IsInForceOn(award.ApprovedOn), $"{s.Id}: approved on {award.ApprovedOn} outside the window");
        Assert.All(s.Tranches, t => Assert.True(policy.IsInForceOn(t.InstructedOn), $"{t.Reference} instructed outside the window"));
        Assert.DoesNotContain(s.Assessment!.Assessor, award.Approvers);
        Assert.All(s.Clawbacks, c => Assert.DoesNotContain(c.OrderedBy, award.Approvers));
        if (!measure.IsMonetary)
        {
            Assert.Equal(Money.Zero, award.CurrentAmount);
            Assert.Empty(s.Tranches);
            return;
        }
        Assert.True(award.CurrentAmount.IsPositive);
        if (world.Catalog.EffectiveCap(measure) is { } cap)
            Assert.True(award.CurrentAmount <= cap, $"{s.Id}: {award.CurrentAmount} over the cap {cap}");
        var tier = measure.Limits.Tiers.FirstOrDefault(t => t.Code == s.TierCode);
        if ((tier?.Floor ?? measure.Limits.Floor) is { } floor)
            Assert.True(award.CurrentAmount >= floor, $"{s.Id}: {award.CurrentAmount} under the floor {floor}");
    }

    /// <summary>The ledgers equal sums over the awards: committed = Σ(current − paid), paid = Σ paid, recovered = Σ
    /// recovered per budget line; awarded = Σ current and paid = Σ paid per (measure, beneficiary).</summary>
    private static void LedgersAgreeWithAwards(World world)
    {
        var awards = world.Apps.Where(a => a.Award is not null).ToList();
        foreach (var (key, row) in world.Book.Budgets)
        {
            var on = awards.Where(a => a.Award!.Ledger.Budget == key).ToList();
            Assert.Equal(Sum(on.Select(a => a.Award!.CurrentAmount - a.Paid)), row.Committed);
            Assert.Equal(Sum(on.Select(a => a.Paid)), row.Paid);
            Assert.Equal(Sum(on.Select(a => a.Recovered)), row.Recovered);
        }
        foreach (var (key, row) in world.Book.Beneficiaries)
        {
            var of = awards.Where(a => a.Award!.Ledger.Beneficiary == key).ToList();
            Assert.Equal(Sum(of.Select(a => a.Award!.CurrentAmount)), row.Awarded);
            Assert.Equal(Sum(of.Select(a => a.Paid)), row.Paid);
        }
    }

    /// <summary>Folding each stream from scratch gives the states the world reached step by step, and replaying the
    /// global log gives the same ledgers.</summary>
    public static void ReplayReproduces(World world)
    {
        for (var slot = 0; slot < World.Slots; slot++)
            Assert.Equal(Json(world.Apps[slot]), Json(ApplicationDecider.Fold(world.AppStreams[slot])));
        foreach (var (key, stream) in world.BudgetStreams)
            Assert.Equal(world.Budgets[key], BudgetDecider.Fold(stream));
        foreach (var applicant in world.Applicants)
        {
            var stream = world.Log.Where(e => e is IApplicantEvent ae && ae.ApplicantId == applicant.Id);
            Assert.Equal(applicant.IsFlagged, ApplicantDecider.Fold(stream.Prepend(Registration(applicant))).IsFlagged);
        }
        var replayed = LedgerBook.Replay(world.Log);
        Assert.Equal(Sorted(world.Book.Budgets), Sorted(replayed.Budgets));
        Assert.Equal(Sorted(world.Book.Beneficiaries), Sorted(replayed.Beneficiaries));
    }

    private static IDomainEvent Registration(ApplicantState a) =>
        new ApplicantRegistered(a.Id!, a.Kind, a.LegalName, a.BeneficiaryKey, null, null, null, a.RegisteredDistrict,
            new DateOnly(2025, 1, 2));

    private static string Json(ApplicationState state) => JsonSerializer.Serialize(state);

    private static List<KeyValuePair<TKey, TValue>> Sorted<TKey, TValue>(IEnumerable<KeyValuePair<TKey, TValue>> rows) where TKey : notnull =>
        [.. rows.OrderBy(r => r.Key.ToString(), StringComparer.Ordinal)];

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (a, b) => a + b);
}
