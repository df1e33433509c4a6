namespace Grants.Domain;

/// <summary>Marker for every domain event. Each implementing record declares <c>public const string Name</c>, its
/// stored type name, and is listed once in <see cref="DomainEvents.All"/>.</summary>
public interface IDomainEvent;
