using Grants.Domain.Applicants.Identity;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applicants.Registering;

/// <summary>Register an enterprise (金融机构, 金融科技企业, 专业服务机构, 载体运营机构) by its 统一社会信用代码.</summary>
public sealed record RegisterEnterprise(
    ApplicantId ApplicantId,
    string CreditCode,
    string LegalName,
    ApplicantKind Kind,
    string RegisteredDistrict,
    DateOnly RegisteredOn) : IApplicantCommand;

/// <summary>Register a person nominated by an employer (talent measures). The identity arrives already hashed and
/// masked; see <see cref="PersonalIdentity.FromResidentId"/>.</summary>
public sealed record RegisterPerson(
    ApplicantId ApplicantId,
    PersonalIdentity Identity,
    string LegalName,
    string EmployerCreditCode,
    DateOnly RegisteredOn) : IApplicantCommand;

/// <summary>An applicant exists. <see cref="BeneficiaryKey"/> is what per-beneficiary caps are counted against:
/// the credit code of an enterprise, the keyed hash of a person (the same person through two employers has one key).</summary>
public sealed record ApplicantRegistered(
    ApplicantId ApplicantId,
    ApplicantKind Kind,
    string LegalName,
    string BeneficiaryKey,
    UnifiedSocialCreditCode? CreditCode,
    PersonalIdentity? Person,
    UnifiedSocialCreditCode? EmployerCreditCode,
    string? RegisteredDistrict,
    DateOnly RegisteredOn) : IApplicantEvent
{
    public const string Name = "applicant_registered.v1";
}
