using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications.Amending;

/// <summary>Change an approved award up or down, never below what is already instructed or paid. Raising it to or
/// above the dual-approval threshold needs two approvers, like the approval itself.</summary>
public sealed record AmendAward(
    ApplicationId ApplicationId,
    OfficialId Approver,
    BureauCode ApproverBureau,
    Money NewAmount,
    string Reason,
    DateOnly AmendedOn) : IApplicationCommand;

/// <summary>First of two approvals of an amendment; moves no money.</summary>
public sealed record AwardAmendmentFirstApprovalRecorded(
    ApplicationId ApplicationId,
    OfficialId Approver,
    BureauCode ApproverBureau,
    Money NewAmount,
    string Reason,
    DateOnly AmendedOn) : IApplicationEvent
{
    public const string Name = "award_amendment_first_approval_recorded.v1";
}

/// <summary>The award now stands at <paramref name="NewAmount"/>. Ledgers: <paramref name="Delta"/> (NewAmount −
/// PreviousAmount, signed) is added to committed and to the beneficiary's awarded total.</summary>
public sealed record AwardAmended(
    ApplicationId ApplicationId,
    OfficialId Approver,
    OfficialId? FirstApprover,
    Money OriginalAmount,
    Money PreviousAmount,
    Money NewAmount,
    Money Delta,
    string Reason,
    DateOnly AmendedOn,
    LedgerKeys Ledger) : IMoneyEvent
{
    public const string Name = "award_amended.v1";
}
