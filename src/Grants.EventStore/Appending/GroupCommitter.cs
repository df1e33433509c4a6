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
/// carries many commands instead of one.</summary>
public sealed class GroupCommitter : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventTypeRegistry _types;
    private readonly IInlineProjection[] _projections;
    private readonly TimeProvider _clock;
    private readonly int _maxBatch;
    private readonly Channel<GroupCommitRequest> _queue = Channel.CreateUnbounded<GroupCommitRequest>(new() { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _writer;

    public GroupCommitter(NpgsqlDataSource dataSource, EventTypeRegistry types, IEnumerable<IInlineProjection> inlineProjections,
                          TimeProvider clock, int maxBatch = 128)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _types = types ?? throw new ArgumentNullException(nameof(types));
        _projections = [.. inlineProjections ?? []];
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
        _writer = Task.Run(WriteLoop);
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
        if (!_queue.Writer.TryWrite(request))
            throw new ObjectDisposedException(nameof(GroupCommitter));
        return request.Completion.Task;
    }

    private async Task WriteLoop()
    {
        var batch = new List<GroupCommitRequest>(_maxBatch);
        var stop = _stopping.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stop))
            {
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var request))
                {
                    if (request.CallerToken.IsCancellationRequested)
                        request.Completion.TrySetCanceled(request.CallerToken);
                    else
                        batch.Add(request);
                }
                if (batch.Count > 0)
                    await GroupCommitBatch.Run(_dataSource, _projections, _clock, batch, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var request in batch)
                request.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitter)));
            while (_queue.Reader.TryRead(out var left))
                left.Completion.TrySetException(new ObjectDisposedException(nameof(GroupCommitter)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _writer.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            await _stopping.CancelAsync();
        }
        _stopping.Dispose();
    }
}
