using FsCheck;
using FsCheck.Fluent;

namespace Grants.Projections.Tests.Properties;

public enum StepKind
{
    Appropriate, Adjust, Submit, ConfirmEligibility, Assess, Approve, Amend, Instruct, ConfirmPayment, ReturnPayment,
    OrderClawback, Repay, Flag, Clear,
}

/// <summary>One random step. <see cref="Pick"/> chooses the applicant, application or budget line, <see cref="Size"/>
/// the amount; both are turned into a command against the ledgers as they stand, so most steps do something.</summary>
public sealed record Step(StepKind Kind, int Pick, int Size, int Days)
{
    public override string ToString() => $"{Kind}({Pick},{Size},+{Days}d)";
}

public sealed record Script(Step[] Steps)
{
    public override string ToString() => string.Join(" ", Steps.Select(s => s.ToString()));
}

public static class Scripts
{
    private static readonly Gen<StepKind> Kinds = Gen.Frequency(
        (4, Gen.Constant(StepKind.Appropriate)), (3, Gen.Constant(StepKind.Adjust)), (10, Gen.Constant(StepKind.Submit)),
        (8, Gen.Constant(StepKind.ConfirmEligibility)), (8, Gen.Constant(StepKind.Assess)), (12, Gen.Constant(StepKind.Approve)),
        (4, Gen.Constant(StepKind.Amend)), (10, Gen.Constant(StepKind.Instruct)), (9, Gen.Constant(StepKind.ConfirmPayment)),
        (3, Gen.Constant(StepKind.ReturnPayment)), (5, Gen.Constant(StepKind.OrderClawback)), (4, Gen.Constant(StepKind.Repay)),
        (1, Gen.Constant(StepKind.Flag)), (2, Gen.Constant(StepKind.Clear)));

    public static readonly Gen<Step> Step =
        from kind in Kinds
        from pick in Gen.Choose(0, 999)
        from size in Gen.Choose(0, 999)
        from days in Gen.Choose(0, 3)
        select new Step(kind, pick, size, days);

    /// <summary>About forty steps: enough to approve, pay, return and claw back several awards and to run out of
    /// appropriation and per-person headroom, while a run stays well under a second.</summary>
    public static readonly Gen<Script> Script =
        from length in Gen.Choose(30, 50)
        from steps in Gen.ArrayOf(Step, length)
        select new Script(steps);

    /// <summary>No shrinking: the runs share one database, so after a failure every later run fails too and a
    /// "shrunk" script would be meaningless. The report shows the failing script and FsCheck's replay seed.</summary>
    public static Arbitrary<Script> Arbitrary() => Arb.From(Script);
}
