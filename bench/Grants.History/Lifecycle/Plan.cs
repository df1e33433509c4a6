using Bogus;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.History.Setup;

namespace Grants.History.Lifecycle;

/// <summary>How an application ends.</summary>
public enum Ending
{
    EligibilityRejected,
    WithdrawnBeforeAssessment,
    WithdrawnAfterAssessment,
    Rejected,
    Awarded,
}

/// <summary>The path one application takes, drawn before it starts so its events can be counted against the target.
/// Shares: 5 % eligibility rejected, 3 % + 2 % withdrawn, 8 % rejected, 82 % awarded; of the awards 8 % amended, 8 %
/// held and released, 2 % credit-flagged and cleared, 4 % with a returned payment, 5 % clawed back (40 % of those
/// partly written off), and 85 % of the rest closed once paid.</summary>
public sealed record Plan(
    Ending Ending,
    bool NewApplicant,
    Money Amount,
    Money? AmendTo,
    int Tranches,
    bool Hold,
    bool Flag,
    bool Return,
    bool Clawback,
    bool WriteOff,
    bool Close)
{
    public static Plan Draw(Faker f, AwardMeasure measure)
    {
        var ending = f.Random.WeightedRandom(
            [Ending.EligibilityRejected, Ending.WithdrawnBeforeAssessment, Ending.WithdrawnAfterAssessment, Ending.Rejected, Ending.Awarded],
            [0.05f, 0.03f, 0.02f, 0.08f, 0.82f]);
        var amount = DrawAmount(f, measure);
        var amend = f.Random.Double() < 0.08 ? DrawAmount(f, measure) : (Money?)null;
        var flag = f.Random.Double() < 0.02;
        var clawback = f.Random.Double() < 0.05;
        return new Plan(
            ending,
            NewApplicant: flag || f.Random.Double() < 0.65,
            amount,
            amend == amount ? null : amend,
            Tranches: f.Random.WeightedRandom([1, 2, 3], [0.5f, 0.35f, 0.15f]),
            Hold: f.Random.Double() < 0.08,
            flag,
            Return: f.Random.Double() < 0.04,
            clawback,
            WriteOff: clawback && f.Random.Double() < 0.4,
            Close: clawback || f.Random.Double() < 0.85);
    }

    /// <summary>Events this path appends (registration included), to count it against the target before it runs.</summary>
    public int Events
    {
        get
        {
            var opening = (NewApplicant ? 1 : 0) + 1;
            if (Ending is Ending.EligibilityRejected or Ending.WithdrawnBeforeAssessment)
                return opening + 1;
            if (Ending is Ending.WithdrawnAfterAssessment or Ending.Rejected)
                return opening + 3;
            var approvals = Approvals(Amount);
            var amendments = AmendTo is { } to ? (to > Amount ? Approvals(to) : 1) : 0;
            return opening + 2 + approvals + amendments + (Flag ? 4 : 0) + (Hold ? 2 : 0) + 2 * Tranches + (Return ? 3 : 0)
                   + (Clawback ? 2 + (WriteOff ? 1 : 0) : 0) + (Close ? 1 : 0);
        }
    }

    private static int Approvals(Money amount) => amount >= ApplicationContext.DefaultDualApprovalThreshold ? 2 : 1;

    /// <summary>Between the floor (or 5万 yuan) and the per-award cap, in whole thousands of yuan: a decade is drawn
    /// first and then an amount inside it, so small awards are many and large ones few (integers only).</summary>
    public static Money DrawAmount(Faker f, AwardMeasure measure)
    {
        const long Unit = 100_000; // 1,000 yuan in fen
        var low = Math.Max(1, (measure.Floor.Fen + Unit - 1) / Unit);
        var high = Math.Max(low, measure.Cap.Fen / Unit);
        var decades = new List<(long From, long To)>();
        for (long start = 1; start <= high; start *= 10)
        {
            var (from, to) = (Math.Max(low, start), Math.Min(high, start * 10 - 1));
            if (from <= to)
                decades.Add((from, to));
        }
        var (first, last) = f.PickRandom(decades);
        return new Money(f.Random.Long(first, last) * Unit);
    }
}
