using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

/// <summary>An existing application with its measure, policy and tier resolved from the catalog.</summary>
internal sealed record Subject(ApplicationId Id, ApplicationState State, Measure Measure, Policy Policy, Tier? Tier, ApplicationContext Context)
{
    /// <summary>Resolves the subject, refusing when the application does not exist, its measure left the catalog, or
    /// the caller passed another applicant's state.</summary>
    public static (Subject? Subject, DomainError? Error) Of(ApplicationId id, ApplicationState state, ApplicationContext context)
    {
        if (!state.Exists || state.MeasureId is null)
            return (null, new DomainError(ErrorCodes.ApplicationNotFound, $"application {id} does not exist"));
        var measure = context.Catalog.FindMeasure(state.MeasureId);
        var policy = measure is null ? null : context.Catalog.FindPolicy(measure.Policy);
        if (measure is null || policy is null)
            return (null, new DomainError(ErrorCodes.UnknownMeasure, $"measure {state.MeasureId} is not in the catalog"));
        if (context.Applicant.Id != state.ApplicantId)
            return (null, new DomainError(ErrorCodes.ApplicantMismatch,
                $"application {id} belongs to applicant {state.ApplicantId}, not {context.Applicant.Id}"));
        var tier = state.TierCode is null ? null : measure.Limits.Tiers.FirstOrDefault(t => t.Code == state.TierCode);
        return (new Subject(id, state, measure, policy, tier, context), null);
    }

    public PolicyCatalog Catalog => Context.Catalog;
}
