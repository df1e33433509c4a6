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
        PreparedAppend.Validate(appends);
        if (appends.Count == 0)
            return Nothing;
        if (_groupCommitter is { } group)
            return await group.Append(appends, metadata, options, ct);

        var prepared = PreparedAppend.Prepare(Types, appends, metadata);

        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var versions = await StreamVersionCheck.Claim(connection, transaction, appends, ct, read: options?.ReadWithClaim);
            // Read after the stream rows are locked, so within a stream recorded_at never goes backwards.
            var recordedAt = EventHashing.TruncateToMicroseconds(_clock.GetUtcNow());
            var pending = prepared.Pending(versions, recordedAt);

            var late = await ApplyInline(_inlineProjections, connection, transaction, pending, ct);
            try
            {
                late = await AppendOptions.RunLateWritesFirst(options, late, connection, transaction, ct);
                if (options is not null)
                    await options.BeforeChainStep(connection, transaction, pending, late, ct);
                var committed = await ChainAppender.AppendAndCommit(connection, transaction, prepared.ToChainPart(pending), late, ct);
                late.Committed();
                return new AppendResult(committed, versions);
            }
            catch (LateWriteRefusedException refused)
            {
                throw await refused.Explain(connection, transaction, ct);
            }
        }
        catch (PostgresException e) when (IsStoreUniqueViolation(e))
        {
            throw await ConflictAfterUniqueViolation(connection, appends, ct);
        }
    }

    /// <summary>Runs every inline projection on the pending events.</summary>
    /// <returns>The writes they left for the chain step.</returns>
    internal static async Task<LateWrites> ApplyInline(IInlineProjection[] projections, NpgsqlConnection connection,
                                                       NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> pending, CancellationToken ct,
                                                       BatchScope? batch = null)
    {
        var late = new LateWrites { Batch = batch };
        foreach (var projection in projections)
        {
            if (projection is ILateWritingProjection deferring)
                await deferring.Apply(connection, transaction, pending, late, ct);
            else
                await projection.Apply(connection, transaction, pending, ct);
        }
        return late;
    }

    /// <returns>0 when the stream does not exist.</returns>
    public async Task<long> StreamVersion(string streamId, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        return await StreamVersionCheck.CurrentVersion(connection, null, streamId, ct);
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
