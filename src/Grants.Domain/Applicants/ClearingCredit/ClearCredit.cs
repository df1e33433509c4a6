
namespace Grants.Domain.Applicants.ClearingCredit;

/// <summary>The credit registry lifts its flag (信用修复 or the listing expired).</summary>
public sealed record ClearCredit(ApplicantId ApplicantId, string RegistryReference, string Reason, DateOnly ClearedOn) : IApplicantCommand;

public sealed record ApplicantCreditCleared(
    ApplicantId ApplicantId,
    string BeneficiaryKey,
    string RegistryReference,
    string Reason,
    DateOnly ClearedOn) : IApplicantEvent
{
    public const string Name = "applicant_credit_cleared.v1";
}
