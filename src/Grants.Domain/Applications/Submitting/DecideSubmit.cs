using Grants.Domain.Applications.Submitting;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Submit(SubmitApplication c, ApplicationState state, ApplicationContext context)
    {
        if (c.ApplicationId is null || !c.ApplicationId.IsWellFormed)
            return DomainError.Invalid(ErrorCodes.InvalidApplicationId, "application_id",
                "application id looks like HP-2025-000123: prefix, year, six digits");
        if (state.Exists)
            return new DomainError(ErrorCodes.ApplicationExists, $"application {c.ApplicationId} already exists");
        var applicant = context.Applicant;
        if (!applicant.IsRegistered || applicant.Id != c.ApplicantId)
            return new DomainError(ErrorCodes.ApplicantNotFound, $"applicant {c.ApplicantId} is not registered", "applicant_id");
        var measure = context.Catalog.FindMeasure(c.MeasureId);
        var policy = measure is null ? null : context.Catalog.FindPolicy(measure.Policy);
        if (measure is null || policy is null)
            return new DomainError(ErrorCodes.UnknownMeasure, $"measure {c.MeasureId} is not in the catalog", "measure_id");

        var tiers = measure.Limits.Tiers;
        var tier = c.TierCode is null ? null : tiers.FirstOrDefault(t => t.Code == c.TierCode);
        if (c.TierCode is not null && tier is null)
            return DomainError.Invalid(ErrorCodes.UnknownTier, "tier_code", tiers.Count == 0
                ? $"{LimitNames.Article(measure.Id)} has no tiers"
                : $"{LimitNames.Article(measure.Id)} tiers are {string.Join(", ", tiers.Select(t => t.Code))}");
        if (c.TierCode is null && tiers.Count > 0)
            return DomainError.Invalid(ErrorCodes.TierRequired, "tier_code",
                $"{LimitNames.Article(measure.Id)} needs a tier: {string.Join(", ", tiers.Select(t => t.Code))}");

        var requested = c.RequestedAmount ?? Money.Zero;
        var error = Rules.Eligible(measure, applicant.Kind)
                    ?? Rules.InForce(policy, c.SubmittedOn, "submitted_on")
                    ?? AwardLimits.Check(measure, tier, context.Catalog, requested, c.SubmittedOn, "requested_amount", capMustBeKnown: false);
        if (error is not null)
            return error;

        return Result.Success(new ApplicationSubmitted(
            c.ApplicationId, c.ApplicantId, measure.Id, applicant.Kind, applicant.BeneficiaryKey, requested, tier?.Code, c.SubmittedOn));
    }
}
