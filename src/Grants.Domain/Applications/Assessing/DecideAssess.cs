using Grants.Domain.Applications.Assessing;

namespace Grants.Domain.Applications;

public static partial class ApplicationDecider
{
    private static Result Assess(AssessApplication c, Subject s)
    {
        if (Rules.Status(s, "assess", ApplicationStatus.EligibilityConfirmed) is { } status)
            return status;
        if (Rules.Official(c.Assessor, "assessor") is { } official)
            return official;
        if (c.Declaration is null)
            return DomainError.Invalid(ErrorCodes.RequiredField, "declaration", "a conflict-of-interest declaration is required");
        if (c.Declaration.HasConflict)
            return new DomainError(ErrorCodes.AssessorConflictOfInterest,
                $"{c.Assessor} declared a conflict of interest and cannot assess application {s.Id}", "declaration");
        if (c.Score is < 0 or > 100)
            return DomainError.Invalid(ErrorCodes.InvalidScore, "score", "score must be between 0 and 100");

        var error = Text.Optional(c.Declaration.Details, "declaration.details", Text.LongMax)
                    ?? AwardLimits.Check(s.Measure, s.Tier, s.Catalog, c.RecommendedAmount, c.AssessedOn, "recommended_amount", capMustBeKnown: false)
                    ?? Rules.NotBefore(c.AssessedOn, s.State.LastStepOn, "assessed_on", "eligibility confirmation");
        return error ?? Result.Success(new ApplicationAssessed(s.Id, c.Assessor, c.Score, c.RecommendedAmount, c.Declaration, c.AssessedOn));
    }
}
