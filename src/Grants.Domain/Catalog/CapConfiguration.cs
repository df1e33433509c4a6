namespace Grants.Domain.Catalog;

/// <summary>A cap a responsible bureau set for a "cap set by bureau rule" measure under its own rule (e.g. its
/// 实施细则), in force from a date. Later configurations supersede earlier ones from their own date on.</summary>
public sealed record CapConfiguration(
    MeasureId Measure,
    Money Cap,
    BureauCode Bureau,
    string RuleReference,
    DateOnly EffectiveFrom);
