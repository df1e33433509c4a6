namespace Grants.Domain.Catalog;

/// <summary>A responsible bureau sets the cap of a measure whose text leaves the amount to the bureau's rule (e.g.
/// file 000 article 17 "给予一定的考试认证费用补贴"), citing that rule, in force from a date.</summary>
public sealed record ConfigureMeasureCap(
    MeasureId Measure,
    Money Cap,
    BureauCode Bureau,
    string RuleReference,
    DateOnly EffectiveFrom);
