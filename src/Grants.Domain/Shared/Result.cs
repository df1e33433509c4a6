namespace Grants.Domain;

/// <summary>Outcome of a decision: the events to append, or why nothing may be appended.</summary>
public abstract record Result
{
    private Result()
    {
    }

    public sealed record Ok(IReadOnlyList<IDomainEvent> Events) : Result;

    public sealed record Fail(DomainError Error) : Result;

    public static Result Success(params IDomainEvent[] events) => new Ok(events);

    public static Result Failure(DomainError error) => new Fail(error);

    public static implicit operator Result(DomainError error) => new Fail(error);

    public bool IsOk => this is Ok;

    /// <summary>The events of a success; empty for a failure.</summary>
    public IReadOnlyList<IDomainEvent> EventsOrEmpty => this is Ok ok ? ok.Events : [];

    /// <summary>The error of a failure; null for a success.</summary>
    public DomainError? ErrorOrNull => this is Fail fail ? fail.Error : null;
}

/// <summary>Outcome of building a validated value (e.g. a <c>PersonalIdentity</c>).</summary>
public abstract record Result<T>
{
    private Result()
    {
    }

    public sealed record Ok(T Value) : Result<T>;

    public sealed record Fail(DomainError Error) : Result<T>;

    public static implicit operator Result<T>(T value) => new Ok(value);

    public static implicit operator Result<T>(DomainError error) => new Fail(error);

    public bool IsOk => this is Ok;

    public DomainError? ErrorOrNull => this is Fail fail ? fail.Error : null;

    /// <summary>The value; throws if this is a failure (call after checking <see cref="IsOk"/>).</summary>
    public T ValueOrThrow() => this is Ok ok ? ok.Value : throw new InvalidOperationException($"No value: {ErrorOrNull}");
}
