namespace Grants.EventStore;

/// <summary>One step of one component's schema, applied once and recorded in grants.schema_migrations.
/// Versions of a component run in ascending order; a released migration is never edited, only followed.</summary>
public sealed record Migration(string Component, int Version, string Sql);
