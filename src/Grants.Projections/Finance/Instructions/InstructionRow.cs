using Grants.Domain;

namespace Grants.Projections.Finance.Instructions;

/// <summary>Where a payment instruction stands, as stored.</summary>
public enum InstructionStatus
{
    Pending,
    Confirmed,
    Returned,
}

/// <summary>One payment instruction as the read model holds it. <see cref="Payable"/> is what the bank is to pay.</summary>
public sealed record InstructionRow(
    string Reference,
    string ApplicationId,
    int TrancheNumber,
    string PayeeName,
    string PayeeAccount,
    Money Amount,
    Money Offset,
    string PayingBureau,
    int FiscalYear,
    string MeasureId,
    InstructionStatus Status,
    DateOnly InstructedOn,
    DateOnly? PaidOn,
    string? TreasuryReference,
    DateOnly? ReturnedOn,
    DateTimeOffset UpdatedAt)
{
    public Money Payable => Amount - Offset;
}

/// <summary>Optional filters; <paramref name="Bureaus"/> is the caller's reach (null: everywhere).</summary>
public sealed record InstructionFilter(
    InstructionStatus? Status = null,
    string? Bureau = null,
    int? FiscalYear = null,
    string? Measure = null,
    IReadOnlyCollection<string>? Bureaus = null);

/// <summary>Where a page of instructions ends: the last application and tranche it listed.</summary>
public sealed record InstructionCursor(string ApplicationId, int TrancheNumber);
