
namespace Grants.Domain.Applicants.FlaggingCredit;

/// <summary>The credit registry reports the applicant as 严重违法失信 (serious illegal or dishonest conduct). While
/// flagged, nothing may be approved for or paid to it (file 000 section 二).</summary>
public sealed record FlagCredit(ApplicantId ApplicantId, string RegistryReference, string Reason, DateOnly FlaggedOn) : IApplicantCommand;

public sealed record ApplicantCreditFlagged(
    ApplicantId ApplicantId,
    string BeneficiaryKey,
    string RegistryReference,
    string Reason,
    DateOnly FlaggedOn) : IApplicantEvent
{
    public const string Name = "applicant_credit_flagged.v1";
}
