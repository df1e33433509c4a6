using System.Text.Json.Serialization;

namespace Grants.Domain.Catalog;

/// <summary>jurisdiction_registered.v1: a jurisdiction entered the catalog.</summary>
public sealed record JurisdictionRegistered(
    [property: JsonPropertyName("jurisdiction")] JurisdictionDefinition Jurisdiction) : ICatalogEvent;

/// <summary>jurisdiction_revised.v1: the seed changed a registered jurisdiction; the new definition and what changed.</summary>
public sealed record JurisdictionRevised(
    [property: JsonPropertyName("jurisdiction")] JurisdictionDefinition Jurisdiction,
    [property: JsonPropertyName("changes")] IReadOnlyList<FieldChange> Changes) : ICatalogEvent;
