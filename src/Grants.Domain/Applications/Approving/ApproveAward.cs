using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.Approving;

/// <summary>An approver of a responsible bureau approves the award. <paramref name="PayingBureau"/> defaults to the
/// measure's paying bureau (under a non-monetary measure, to the approver's bureau). At or above the dual-approval
/// threshold the first call only records a first approval, and a second, different approver must approve the same
/// amount and paying bureau.</summary>
public sealed record ApproveAward(
    ApplicationId ApplicationId,
    OfficialId Approver,
    BureauCode ApproverBureau,
    Money Amount,
    BureauCode? PayingBureau,
    DateOnly ApprovedOn) : IApplicationCommand;

/// <summary>First of two approvals of a large award; moves no money.</summary>
public sealed record AwardFirstApprovalRecorded(
    ApplicationId ApplicationId,
    OfficialId Approver,
    BureauCode ApproverBureau,
    Money Amount,
    BureauCode PayingBureau,
    DateOnly ApprovedOn) : IApplicationEvent
{
    public const string Name = "award_first_approval_recorded.v1";
}

/// <summary>The award is approved. Ledgers: commits <paramref name="Amount"/> on the budget line and adds it to the
/// beneficiary's awarded total. <paramref name="FirstApprover"/> is set when two approvals were needed.</summary>
public sealed record AwardApproved(
    ApplicationId ApplicationId,
    OfficialId Approver,
    OfficialId? FirstApprover,
    Money Amount,
    DateOnly ApprovedOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "award_approved.v1";
}
