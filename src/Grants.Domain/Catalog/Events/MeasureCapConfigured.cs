using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>measure_cap_configured.v1: a responsible bureau set the cap of a "cap set by bureau rule" measure under
/// its own rule (e.g. its 实施细则), in force from a date. A reconfiguration is a further event, never an edit.</summary>
public sealed record MeasureCapConfigured(
    [property: JsonPropertyName("measure")] MeasureId Measure,
    [property: JsonPropertyName("cap_fen")] Money Cap,
    [property: JsonPropertyName("bureau")] BureauCode Bureau,
    [property: JsonPropertyName("rule_reference")] string RuleReference,
    [property: JsonPropertyName("effective_from")] DateOnly EffectiveFrom) : ICatalogEvent;
