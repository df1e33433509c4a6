using System.Data;
using Npgsql;

namespace Grants.EventStore;

/// <summary>The append-only event store. An append is one READ COMMITTED transaction: claim stream versions,
/// run inline projections and the caller's BeforeCommit, then — last and briefly — take the chain head, assign
/// positions and hashes, insert, notify, commit. docs/EVENT-STORE.md explains why this order gives a gapless,
/// never-reordered global log without a high-water mark.</summary>
public sealed partial class PostgresEventStore
{
    private static readonly AppendResult Nothing = new([], new Dictionary<string, long>());

    private readonly NpgsqlDataSource _dataSource;
    private readonly IInlineProjection[] _inlineProjections;
    private readonly TimeProvider _clock;

    public PostgresEventStore(NpgsqlDataSource dataSource, EventTypeRegistry types,
                              IEnumerable<IInlineProjection> inlineProjections, TimeProvider clock)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        Types = types ?? throw new ArgumentNullException(nameof(types));
        _inlineProjections = [.. inlineProjections ?? []];
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    public EventTypeRegistry Types { get; }

    public Task<AppendResult> Append(StreamAppend append, EventMetadata metadata, CancellationToken ct = default) =>
        Append([append], metadata, null, ct);

    public async Task<AppendResult> Append(IReadOnlyList<StreamAppend> appends, EventMetadata metadata,
                                           AppendOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(metadata);
        Validate(appends);
        if (appends.Count == 0)
            return Nothing;
        if (_groupCommitter is { } group)
            return await group.Append(appends, metadata, options, ct);

        // Serialise and canonicalise before taking any lock: a malformed event must not make other writers wait.
        var bodies = appends.SelectMany(a => a.Events)
            .Select(e => (Name: Types.NameOf(e.GetType()), Data: e, Json: CanonicalJson.Canonicalize(Types.SerializeToUtf8Bytes(e))))
            .ToList();
        var canonicalMetadata = MetadataJson.ToCanonicalUtf8(metadata);

        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var versions = await StreamVersionCheck.Claim(connection, transaction, appends, ct);
            // Read after the stream rows are locked, so within a stream recorded_at never goes backwards.
            var recordedAt = EventHashing.TruncateToMicroseconds(_clock.GetUtcNow());
            var pending = Pending(appends, versions, bodies, metadata, recordedAt);

            foreach (var projection in _inlineProjections)
                await projection.Apply(connection, transaction, pending, ct);
            if (options?.BeforeCommit is { } beforeCommit)
                await beforeCommit(connection, transaction, pending, ct);

            var committed = await ChainAppender.Append(connection, transaction, pending, [.. bodies.Select(b => b.Json)], canonicalMetadata, ct);
            await transaction.CommitAsync(ct);
            return new AppendResult(committed, versions);
        }
        catch (PostgresException e) when (IsStoreUniqueViolation(e))
        {
            throw await ConflictAfterUniqueViolation(connection, appends, ct);
        }
    }

    /// <returns>0 when the stream does not exist.</returns>
    public async Task<long> StreamVersion(string streamId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await StreamVersionCheck.CurrentVersion(connection, null, streamId, ct);
    }

    private static List<StoredEvent> Pending(IReadOnlyList<StreamAppend> appends, Dictionary<string, long> versions,
        List<(string Name, object Data, byte[] Json)> bodies, EventMetadata metadata, DateTimeOffset recordedAt)
    {
        var pending = new List<StoredEvent>(bodies.Count);
        foreach (var append in appends)
        {
            var version = versions[append.StreamId] - append.Events.Count;
            foreach (var _ in append.Events)
            {
                var body = bodies[pending.Count];
                pending.Add(new StoredEvent(0, append.StreamId, append.StreamType, ++version, body.Name, body.Data,
                    metadata, recordedAt, [], []));
            }
        }
        return pending;
    }

    private static void Validate(IReadOnlyList<StreamAppend> appends)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append);
            if (string.IsNullOrEmpty(append.StreamId) || string.IsNullOrEmpty(append.StreamType))
                throw new ArgumentException("Every append names its stream and stream type.", nameof(appends));
            if (append.Events is null || append.Events.Count == 0)
                throw new ArgumentException($"The append to '{append.StreamId}' has no events.", nameof(appends));
            if (append.ExpectedVersion < ExpectedVersion.Any)
                throw new ArgumentOutOfRangeException(nameof(appends), $"Expected version {append.ExpectedVersion} of '{append.StreamId}' is not valid.");
            if (!seen.Add(append.StreamId))
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append; merge its events.", nameof(appends));
        }
    }

    private static bool IsStoreUniqueViolation(PostgresException e) =>
        e is { SqlState: PostgresErrorCodes.UniqueViolation, SchemaName: "grants", TableName: "events" or "streams" };

    /// <summary>The version claim makes a duplicate (stream, version) unreachable; should one still surface, the
    /// caller gets the same typed answer as any other lost race, never a raw 23505.</summary>
    private static async Task<ConcurrencyException> ConflictAfterUniqueViolation(NpgsqlConnection connection,
        IReadOnlyList<StreamAppend> appends, CancellationToken ct)
    {
        ConcurrencyException? first = null;
        foreach (var append in appends)
        {
            var actual = await StreamVersionCheck.CurrentVersion(connection, null, append.StreamId, ct);
            var exception = new ConcurrencyException(append.StreamId, append.ExpectedVersion, actual);
            if (append.ExpectedVersion != ExpectedVersion.Any && actual != append.ExpectedVersion)
                return exception;
            first ??= exception;
        }
        return first!;
    }
}
