using Grants.Domain.Catalog;

namespace Grants.Domain.Applications.Submitting;

/// <summary>An applicant applies under a measure. <paramref name="RequestedAmount"/> is null or zero under a
/// non-monetary measure; <paramref name="TierCode"/> is required when the measure has tiers (e.g. art.19).</summary>
public sealed record SubmitApplication(
    ApplicationId ApplicationId,
    ApplicantId ApplicantId,
    MeasureId MeasureId,
    Money? RequestedAmount,
    string? TierCode,
    DateOnly SubmittedOn) : IApplicationCommand;

/// <summary>The beneficiary key and applicant kind are copied in so that later decisions and the ledgers need not
/// look the applicant up again.</summary>
public sealed record ApplicationSubmitted(
    ApplicationId ApplicationId,
    ApplicantId ApplicantId,
    MeasureId MeasureId,
    ApplicantKind ApplicantKind,
    string BeneficiaryKey,
    Money RequestedAmount,
    string? TierCode,
    DateOnly SubmittedOn) : IApplicationEvent
{
    public const string Name = "application_submitted.v1";
}
