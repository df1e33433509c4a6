using System.Data;
using System.Threading.Channels;
using Npgsql;

namespace Grants.EventStore;

/// <summary>Opt-in group commit (the way TigerBeetle batches): concurrent appends queue here and one writer takes
/// whatever has queued, runs each command's stream checks, inline projections and BeforeCommit inside its own
/// SAVEPOINT — a refusal rolls back that command alone and is reported to its caller alone — then takes the head
/// lock once, orders and chains every surviving event, inserts them in one statement and commits once. Every caller's
/// task completes only after that commit: acknowledged means durable. The ordering guarantees of
/// docs/EVENT-STORE.md are unchanged (one head lock, held to commit); what changes is that one commit flush now
/// carries many commands instead of one.
/// <para>With several writers, each takes its own queue and runs its own batches on its own connection, so one batch's
/// round trips overlap another's. An append goes to the writer of its partition (<c>partitionOf</c>, e.g. the budget
/// line it moves), so commands that lock the same hot rows queue in one writer instead of making two batches lock
/// each other's rows in opposite orders. Should two batches still deadlock (rows shared across partitions), PostgreSQL
/// aborts one statement of one command; that command gets a <see cref="ConcurrencyException"/> and is retried on
/// fresh state like any lost race.</para></summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventTypeRegistry _types;
    private readonly IInlineProjection[] _projections;
    private readonly TimeProvider _clock;
    private readonly int _maxBatch;
    private readonly Func<IReadOnlyList<StreamAppend>, string>? _partitionOf;
    private readonly Channel<GroupCommitRequest>[] _queues;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task[] _writers;
    private readonly bool _pipeline;
    private long _batches;
    private long _pipelined;
    // A single-reader channel cannot count what it holds.
    private int _queued;

    /// <summary>Batches run so far (committed, refused or failed), and of them those committed pipelined, wholly or in
    /// part: how often a workload's batches qualify, and a test's way to see which path a batch took.</summary>
    public (long Batches, long Pipelined) Counts => (Interlocked.Read(ref _batches), Interlocked.Read(ref _pipelined));

    /// <summary>Commands waiting for a batch: a test's way to know every call it made is queued before it lets a held
    /// batch go, so that the calls share the next one.</summary>
    public int Queued => Volatile.Read(ref _queued);

    /// <summary>Each command of a batch is a subtransaction with its own xid; PostgreSQL keeps 64 of them per backend
    /// in shared memory, and beyond that every snapshot of every session must consult pg_subtrans. So no batch holds
    /// more than 64 commands.</summary>
    public const int MaxBatch = 64;

    /// <param name="writers">How many batches may be in flight at once, each on its own connection.</param>
    /// <param name="partitionOf">Which writer an append goes to (same key, same writer); by default its first stream.</param>
    /// <param name="pipeline">Whether a batch's commands that qualify are first tried in two round trips
    /// (docs/EVENT-STORE.md, "Pipelined batches"); off, every batch runs one by one.</param>
    public GroupCommitter(NpgsqlDataSource dataSource, EventTypeRegistry types, IEnumerable<IInlineProjection> inlineProjections,
                          TimeProvider clock, int maxBatch = MaxBatch, int writers = 1, Func<IReadOnlyList<StreamAppend>, string>? partitionOf = null,
                          bool pipeline = true)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _types = types ?? throw new ArgumentNullException(nameof(types));
        _projections = [.. inlineProjections ?? []];
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        _maxBatch = maxBatch;
        _pipeline = pipeline;
        _partitionOf = partitionOf;
        _queues = [.. Enumerable.Range(0, writers).Select(_ => Channel.CreateUnbounded<GroupCommitRequest>(new() { SingleReader = true }))];
        _writers = [.. _queues.Select(queue => Task.Run(() => WriteLoop(queue)))];
    }

    public Task<AppendResult> Append(IReadOnlyList<StreamAppend> appends, EventMetadata metadata, AppendOptions? options = null,
                                     CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(appends);
        ArgumentNullException.ThrowIfNull(metadata);
        PreparedAppend.Validate(appends);
        if (appends.Count == 0)
            return Task.FromResult(new AppendResult([], new Dictionary<string, long>()));
        // Serialised and canonicalised on the caller's thread, before the queue: a malformed event never reaches a batch.
        var request = GroupCommitRequest.Create(_types, appends, metadata, options, ct);
        Interlocked.Increment(ref _queued);
        if (!QueueOf(appends).Writer.TryWrite(request))
        {
            Interlocked.Decrement(ref _queued);
            throw new ObjectDisposedException(nameof(GroupCommitter));
        }
        return request.Completion.Task;
    }

    private Channel<GroupCommitRequest> QueueOf(IReadOnlyList<StreamAppend> appends)
    {
        if (_queues.Length == 1)
            return _queues[0];
        return _queues[WriterOf(_partitionOf?.Invoke(appends) ?? appends[0].StreamId, _queues.Length)];
    }

    /// <summary>The writer (0 … writers−1) a partition's appends go to: FNV-1a of its UTF-16 code units, so the same
    /// in every process and every run.</summary>
    public static int WriterOf(string partition, int writers)
    {
        ArgumentNullException.ThrowIfNull(partition);
        ArgumentOutOfRangeException.ThrowIfLessThan(writers, 1);
        var hash = 2166136261u;
        foreach (var c in partition)
            hash = (hash ^ c) * 16777619u;
        return (int)(hash % (uint)writers);
    }

    private async Task WriteLoop(Channel<GroupCommitRequest> queue)
    {
        var batch = new List<GroupCommitRequest>(_maxBatch);
        var stop = _stopping.Token;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < _maxBatch && queue.Reader.TryRead(out var request))
                {
                    Interlocked.Decrement(ref _queued);
                    if (request.CallerToken.IsCancellationRequested)
                        request.Completion.TrySetCanceled(request.CallerToken);
                    else
                        batch.Add(request);
                }
                if (batch.Count == 0)
                    continue;
                if (await GroupCommitBatch.Run(_dataSource, _projections, _clock, batch, _partitionOf, _pipeline, stop))
                    Interlocked.Increment(ref _pipelined);
                Interlocked.Increment(ref _batches);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var request in batch)
                request.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitter)));
            while (queue.Reader.TryRead(out var left))
                left.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitter)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var queue in _queues)
            queue.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_writers).WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }
        _stopping.Dispose();
    }
}
