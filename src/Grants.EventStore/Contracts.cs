using Npgsql;

namespace Grants.EventStore;

/// <summary>Who did it and why: recorded with every event. Actor is the authenticated caller; RequestId is the
/// client-chosen idempotency key of the command that produced the event. Note is an optional JSON object of what the
/// request said beyond the domain event (the officer acting, a comment, a title): kept in the hashed metadata so an
/// auditor can trust it as much as the event itself.</summary>
public sealed record EventMetadata(
    string Actor, string RequestId, string? CorrelationId = null, string? CausationId = null, string? Note = null)
{
    /// <summary>Reads metadata as stored in the events table's jsonb (for tools that read raw rows).</summary>
    public static EventMetadata FromStoredJson(string json) => MetadataJson.Parse(json);
}

/// <summary>Expected versions with special meaning; any other non-negative value is the exact current version.</summary>
public static class ExpectedVersion
{
    /// <summary>The stream must not exist yet.</summary>
    public const long NoStream = 0;

    /// <summary>No check: append after whatever is there (used for streams that only ever grow, e.g. the catalog).</summary>
    public const long Any = -1;
}

/// <summary>Events to append to one stream. Data objects must be of types registered in the <see cref="EventTypeRegistry"/>.</summary>
public sealed record StreamAppend(string StreamId, string StreamType, long ExpectedVersion, IReadOnlyList<object> Events);

/// <summary>An event as stored: its place in the global order and in its stream, and its link in the hash chain.</summary>
public sealed record StoredEvent(
    long Position,
    string StreamId,
    string StreamType,
    long Version,
    string EventType,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt,
    byte[] Hash,
    byte[] PreviousHash);

/// <summary>What an append committed: the events with their positions, and each stream's new version.</summary>
public sealed record AppendResult(IReadOnlyList<StoredEvent> Events, IReadOnlyDictionary<string, long> StreamVersions)
{
    public long LastPosition => Events.Count == 0 ? 0 : Events[^1].Position;
}

/// <summary>Code that runs inside the append's transaction, on its connection, after the stream versions are claimed and
/// before the events get their positions (Position is 0 and Hash empty here; everything else is final). Throwing rolls
/// back events and projection together (this is how ledgers refuse an overspend).</summary>
public interface IInlineProjection
{
    ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct);

    /// <summary>Whether applying an event of this kind only queues <see cref="LateWrites"/>: it writes nothing at once
    /// and reads no row another append's late writes could move (a batch's crowded budget line, which only the batch's
    /// memory moves, is such a row). A group-commit command whose events all qualify may be decided in memory before
    /// the late writes of the commands ahead of it are sent (docs/EVENT-STORE.md, "Pipelined batches"). False unless a
    /// projection says so.</summary>
    bool WritesOnlyLate(object data) => false;
}

/// <summary>An inline projection some of whose writes go last (<see cref="LateWrites"/>). The store calls this overload;
/// the plain <see cref="IInlineProjection.Apply"/> must still do everything, running its late writes itself.</summary>
public interface ILateWritingProjection : IInlineProjection
{
    ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, LateWrites late,
                    CancellationToken ct);
}

/// <summary>A read model fed from the global order by the projection daemon. Its writes and its checkpoint are
/// committed in one transaction, so each event takes effect exactly once, also across crashes.</summary>
public interface IAsyncProjection
{
    /// <summary>Stable name; the checkpoint is stored under it.</summary>
    string Name { get; }

    ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct);

    /// <summary>Drop everything the projection wrote, before a rebuild from position zero.</summary>
    ValueTask Reset(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct);
}
