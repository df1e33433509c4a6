using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>bureau_registered.v1: a bureau entered the catalog.</summary>
public sealed record BureauRegistered(
    [property: JsonPropertyName("bureau")] BureauDefinition Bureau) : ICatalogEvent;

/// <summary>bureau_revised.v1: the seed changed a registered bureau (e.g. a renamed department); the new definition
/// and what changed.</summary>
public sealed record BureauRevised(
    [property: JsonPropertyName("bureau")] BureauDefinition Bureau,
    [property: JsonPropertyName("changes")] IReadOnlyList<FieldChange> Changes) : ICatalogEvent;
