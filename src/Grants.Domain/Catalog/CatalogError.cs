namespace Grants.Domain.Catalog;

/// <summary>Why the catalog refused a command. <see cref="Code"/> is stable for clients; <see cref="Message"/> names
/// the measure and the value at fault.</summary>
public sealed record CatalogError(string Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}

/// <summary>The outcome of a catalog command: the events to append, or the error that refused it (and no events).</summary>
public sealed record CatalogDecision
{
    private CatalogDecision(IReadOnlyList<ICatalogEvent> events, CatalogError? error)
    {
        Events = events;
        Error = error;
    }

    public IReadOnlyList<ICatalogEvent> Events { get; }

    public CatalogError? Error { get; }

    public bool IsAccepted => Error is null;

    public static CatalogDecision Accept(params ICatalogEvent[] events) => new(events, null);

    public static CatalogDecision Refuse(string code, string message) => new([], new CatalogError(code, message));
}
