using FsCheck;
using FsCheck.Fluent;

namespace Grants.Domain.Tests.Properties;

public enum OpKind
{
    Submit, ConfirmEligibility, RejectEligibility, Withdraw, Assess, Approve, Reject, Amend, Hold, Release, Instruct, ConfirmPayment,
    ReturnPayment, OrderClawback, Repay, Offset, WriteOff, Close, Flag, Clear, Appropriate, Adjust,
}

/// <summary>One random step. The numbers are choices the interpreter turns into a command from the world as it is
/// then (which application, which amount, which official), so that many steps succeed and the rest probe refusals.</summary>
public sealed record Op(OpKind Kind, int A, int B, int C, int D, int Days)
{
    public override string ToString() => $"{Kind}({A},{B},{C},{D},+{Days}d)";
}

/// <summary>A random command sequence.</summary>
public sealed record Script(Op[] Ops)
{
    public override string ToString() => string.Join(" ", Ops.Select(o => o.ToString()));
}

public static class Scripts
{
    private static readonly Gen<OpKind> Kinds = Gen.Frequency(
        (12, Gen.Constant(OpKind.Submit)), (10, Gen.Constant(OpKind.ConfirmEligibility)), (2, Gen.Constant(OpKind.RejectEligibility)),
        (2, Gen.Constant(OpKind.Withdraw)), (10, Gen.Constant(OpKind.Assess)), (14, Gen.Constant(OpKind.Approve)),
        (2, Gen.Constant(OpKind.Reject)), (6, Gen.Constant(OpKind.Amend)), (3, Gen.Constant(OpKind.Hold)), (4, Gen.Constant(OpKind.Release)),
        (14, Gen.Constant(OpKind.Instruct)), (12, Gen.Constant(OpKind.ConfirmPayment)), (4, Gen.Constant(OpKind.ReturnPayment)),
        (8, Gen.Constant(OpKind.OrderClawback)), (6, Gen.Constant(OpKind.Repay)), (4, Gen.Constant(OpKind.Offset)),
        (2, Gen.Constant(OpKind.WriteOff)), (4, Gen.Constant(OpKind.Close)), (1, Gen.Constant(OpKind.Flag)), (3, Gen.Constant(OpKind.Clear)),
        (2, Gen.Constant(OpKind.Appropriate)), (2, Gen.Constant(OpKind.Adjust)));

    private static readonly Gen<int> Choice = Gen.Choose(0, 9999);

    public static readonly Gen<Op> Op =
        from kind in Kinds
        from a in Choice
        from b in Choice
        from c in Choice
        from d in Choice
        from days in Gen.Frequency((1, Gen.Choose(-5, -1)), (10, Gen.Choose(0, 7)), (3, Gen.Choose(8, 40)))
        select new Op(kind, a, b, c, d, days);

    /// <summary>Between 20 and 160 steps: long enough to pay, claw back and cross the end of the policy window.</summary>
    public static readonly Gen<Script> Script =
        from length in Gen.Choose(20, 160)
        from ops in Gen.ArrayOf(Op, length)
        select new Script(ops);

    public static Arbitrary<Script> Arbitrary() => Arb.From(Script, Shrink);

    /// <summary>Shrinks by dropping halves, then single steps, so a failure is reported as a short story.</summary>
    private static IEnumerable<Script> Shrink(Script script)
    {
        var ops = script.Ops;
        if (ops.Length > 1)
        {
            yield return new Script(ops[..(ops.Length / 2)]);
            yield return new Script(ops[(ops.Length / 2)..]);
        }
        for (var i = 0; i < ops.Length; i++)
            yield return new Script([.. ops[..i], .. ops[(i + 1)..]]);
    }
}

/// <summary>Registers <see cref="Scripts.Arbitrary"/> for <c>[Property(Arbitrary = ...)]</c>.</summary>
public static class ScriptArbitrary
{
    public static Arbitrary<Script> Scripts() => Properties.Scripts.Arbitrary();
}
