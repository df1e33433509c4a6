using Grants.Domain;
using Grants.EventStore;

namespace Grants.Projections.Registration;

/// <summary>The one registry of stored event names for this deployment: every domain and catalog event, and the finance records.</summary>
public static class GrantsEventTypes
{
    public static EventTypeRegistry Create()
    {
        var registry = new EventTypeRegistry();
        foreach (var (name, type) in DomainEvents.All)
        {
            registry.Register(type, name);
        }

        foreach (var (name, type) in Finance.FinanceEvents.All)
        {
            registry.Register(type, name);
        }

        return registry;
    }
}
