using Grants.Domain.Catalog;

namespace Grants.Domain.Applicants;

/// <summary>What decisions need to know about an applicant: who it is for the ledgers, what kind it is for
/// eligibility, and whether the credit registry has flagged it.</summary>
public sealed record ApplicantState
{
    public static readonly ApplicantState Initial = new();

    public ApplicantId? Id { get; init; }

    public ApplicantKind Kind { get; init; }

    public string LegalName { get; init; } = "";

    public string BeneficiaryKey { get; init; } = "";

    public string? RegisteredDistrict { get; init; }

    public CreditFlag? Flag { get; init; }

    public bool IsRegistered => Id is not null;

    public bool IsFlagged => Flag is not null;
}

/// <summary>An open 严重违法失信 listing.</summary>
public sealed record CreditFlag(string RegistryReference, string Reason, DateOnly FlaggedOn);
