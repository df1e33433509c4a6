
namespace Grants.Domain.Applications.Assessing;

/// <summary>The assessor's declaration. A declared conflict refuses the assessment: someone else must assess.</summary>
public sealed record ConflictOfInterestDeclaration(bool HasConflict, string? Details);

/// <summary>An assessor scores the application (0-100) and recommends an amount (zero under a non-monetary measure).</summary>
public sealed record AssessApplication(
    ApplicationId ApplicationId,
    OfficialId Assessor,
    int Score,
    Money RecommendedAmount,
    ConflictOfInterestDeclaration Declaration,
    DateOnly AssessedOn) : IApplicationCommand;

/// <summary>The assessor is kept because they may not approve the same application.</summary>
public sealed record ApplicationAssessed(
    ApplicationId ApplicationId,
    OfficialId Assessor,
    int Score,
    Money RecommendedAmount,
    ConflictOfInterestDeclaration Declaration,
    DateOnly AssessedOn) : IApplicationEvent
{
    public const string Name = "application_assessed.v1";
}
