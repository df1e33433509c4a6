using System.Collections.Immutable;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;

namespace Grants.Domain.Applications;

public sealed record Assessment(OfficialId Assessor, int Score, Money RecommendedAmount, ConflictOfInterestDeclaration Declaration, DateOnly AssessedOn);

public sealed record PendingApproval(OfficialId Approver, BureauCode ApproverBureau, Money Amount, BureauCode? PayingBureau, DateOnly On);

/// <summary>The approved award: original and current amounts, and the ledger rows its money moves on.</summary>
public sealed record Award(Money OriginalAmount, Money CurrentAmount, DateOnly ApprovedOn, LedgerKeys Ledger, ImmutableList<OfficialId> Approvers);

public sealed record PaymentHold(string Reason, DateOnly HeldOn);

public enum TrancheStatus
{
    Instructed,
    Confirmed,
    Returned,
}

public sealed record Tranche(int Number, string Reference, Money Amount, TrancheStatus Status, DateOnly InstructedOn, DateOnly? PaidOn);

/// <summary>A clawback order; <see cref="Outstanding"/> is what is still to be recovered.</summary>
public sealed record Clawback(ClawbackId Id, OfficialId OrderedBy, Money Amount, Money Recovered, Money WrittenOff, DateOnly OrderedOn)
{
    public Money Outstanding => Amount - Recovered - WrittenOff;

    public bool IsOpen => Outstanding.IsPositive;
}

public sealed record Offset(ClawbackId Clawback, ApplicationId AgainstApplication, string AgainstTrancheReference, Money Amount);
