namespace Grants.Domain.Catalog;

/// <summary>Marks the events of the "catalog" stream; <see cref="CatalogEvents.All"/> lists them with their stored names.</summary>
public interface ICatalogEvent;
