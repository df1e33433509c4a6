namespace Grants.Cli.Demo;

/// <summary>Where a demo application ends up. The order interleaves early and late states, so even a small run
/// shows a bit of everything; 20 paths, so 60 applications take each one three times.</summary>
public enum DemoPath
{
    Paid,
    Submitted,
    ClawbackRecovered,
    Assessed,
    Disbursing,
    EligibilityRejected,
    Approved,
    Withdrawn,
    ClawbackOpen,
    Rejected,
    Returned,
    AwaitingSecondApproval,
    EligibilityConfirmed,
    ClawbackWrittenOff,
    OnHold,
    Amended,
    CreditFlagged,
    CreditCleared,
    LargeAwardPaid,
    Instructed,
}

/// <summary>One call of the lifecycle, in the order a real application meets them.</summary>
public enum DemoStep
{
    ConfirmEligibility,
    RejectEligibility,
    Assess,
    Withdraw,
    Reject,
    Approve,
    FirstApproval,
    SecondApproval,
    AmendDown,
    Hold,
    InstructHalf,
    InstructRest,
    ConfirmLast,
    ReturnLast,
    OrderClawback,
    RecoverAll,
    RecoverHalf,
    WriteOff,
    FlagCredit,
    ClearCredit,
}

public static class DemoPaths
{
    public static DemoPath Of(int index) => (DemoPath)(index % Enum.GetValues<DemoPath>().Length);

    /// <summary>Paths whose award must reach the two-approver threshold.</summary>
    public static bool NeedsLargeAward(DemoPath path) => path is DemoPath.AwaitingSecondApproval or DemoPath.LargeAwardPaid;

    /// <summary>The calls after submission that bring an application to <paramref name="path"/>.</summary>
    public static IReadOnlyList<DemoStep> Steps(DemoPath path)
    {
        DemoStep[] assessed = [DemoStep.ConfirmEligibility, DemoStep.Assess];
        DemoStep[] approved = [.. assessed, DemoStep.Approve];
        DemoStep[] paid = [.. approved, DemoStep.InstructHalf, DemoStep.ConfirmLast, DemoStep.InstructRest, DemoStep.ConfirmLast];
        return path switch
        {
            DemoPath.Submitted => [],
            DemoPath.EligibilityConfirmed => [DemoStep.ConfirmEligibility],
            DemoPath.EligibilityRejected => [DemoStep.RejectEligibility],
            DemoPath.Assessed => assessed,
            DemoPath.Withdrawn => [DemoStep.ConfirmEligibility, DemoStep.Withdraw],
            DemoPath.Rejected => [.. assessed, DemoStep.Reject],
            DemoPath.Approved => approved,
            DemoPath.AwaitingSecondApproval => [.. assessed, DemoStep.FirstApproval],
            DemoPath.LargeAwardPaid => [.. assessed, DemoStep.FirstApproval, DemoStep.SecondApproval, .. paid[approved.Length..]],
            DemoPath.OnHold => [.. approved, DemoStep.Hold],
            DemoPath.Instructed => [.. approved, DemoStep.InstructHalf],
            DemoPath.Disbursing => [.. approved, DemoStep.InstructHalf, DemoStep.ConfirmLast],
            DemoPath.Paid => paid,
            DemoPath.Returned => [.. approved, DemoStep.InstructHalf, DemoStep.ConfirmLast, DemoStep.ReturnLast],
            DemoPath.Amended => [.. approved, DemoStep.AmendDown, DemoStep.InstructHalf, DemoStep.ConfirmLast, DemoStep.InstructRest, DemoStep.ConfirmLast],
            DemoPath.ClawbackOpen => [.. paid, DemoStep.OrderClawback],
            DemoPath.ClawbackRecovered => [.. paid, DemoStep.OrderClawback, DemoStep.RecoverAll],
            DemoPath.ClawbackWrittenOff => [.. paid, DemoStep.OrderClawback, DemoStep.RecoverHalf, DemoStep.WriteOff],
            DemoPath.CreditFlagged => [DemoStep.FlagCredit],
            DemoPath.CreditCleared => [DemoStep.FlagCredit, DemoStep.ClearCredit, .. paid],
            _ => throw new ArgumentOutOfRangeException(nameof(path), path, null),
        };
    }
}
