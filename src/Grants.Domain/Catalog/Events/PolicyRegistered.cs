using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>policy_registered.v1: a policy entered the catalog, with its full definition as in its seed file.</summary>
public sealed record PolicyRegistered(
    [property: JsonPropertyName("policy")] PolicyDefinition Policy) : ICatalogEvent;

/// <summary>policy_revised.v1: a policy's seed file changed. The full new definition replaces the old one; the
/// changes list what moved, so an auditor sees every amendment instead of a silent overwrite.</summary>
public sealed record PolicyRevised(
    [property: JsonPropertyName("policy")] PolicyDefinition Policy,
    [property: JsonPropertyName("changes")] IReadOnlyList<FieldChange> Changes) : ICatalogEvent;
