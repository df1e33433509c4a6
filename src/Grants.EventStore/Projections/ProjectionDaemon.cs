using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

/// <summary>Feeds async projections from the global order. Each batch is one transaction that locks the projection's
/// checkpoint row, applies the events and moves the checkpoint: a crash anywhere loses the whole batch or none of it,
/// so every event takes effect exactly once; the row lock means only one daemon anywhere applies a projection at a time.</summary>
public sealed partial class ProjectionDaemon
{
    private const int BatchSize = 500;
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(10);

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresEventStore _store;
    private readonly IReadOnlyList<IAsyncProjection> _projections;
    private readonly ILogger _logger;

    public ProjectionDaemon(NpgsqlDataSource dataSource, PostgresEventStore store, IEnumerable<IAsyncProjection> projections,
                            ILogger<ProjectionDaemon>? logger = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _projections = [.. projections ?? []];
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var duplicate = _projections.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Two projections are named '{duplicate.Key}'.", nameof(projections));
    }

    /// <summary>Catches up, then applies new events as their commits are notified, until <paramref name="ct"/> is
    /// cancelled (then it returns). A database error is logged and retried after a short, growing pause.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var backoff = FirstBackoff;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Follow(() => backoff = FirstBackoff, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A lost connection or a restarted server heals by itself; a projection bug at least stays visible
                // in the log instead of silently stopping every read model.
                LogRetrying(_logger, e, backoff);
                if (!await Pause(backoff, ct))
                    return;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, LongestBackoff.Ticks));
            }
        }
    }

    public async Task CatchUp(CancellationToken ct = default)
    {
        foreach (var projection in _projections)
            await CatchUp(projection, ct);
    }

    public async Task Rebuild(string projectionName, CancellationToken ct = default)
    {
        var projection = Find(projectionName);
        await using (var connection = await _dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await LockCheckpoint(connection, transaction, projection.Name, ct);
            await projection.Reset(connection, transaction, ct);
            await SaveCheckpoint(connection, transaction, projection.Name, 0, ct);
            await transaction.CommitAsync(ct);
        }
        await CatchUp(projection, ct);
    }

    /// <returns>The last position the projection has applied; 0 before its first batch.</returns>
    public async Task<long> Checkpoint(string projectionName, CancellationToken ct = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand("select position from grants.projection_checkpoints where name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = projectionName });
        return await command.ExecuteScalarAsync(ct) is long position ? position : 0;
    }

    private async Task Follow(Action healthy, CancellationToken ct)
    {
        await using var listener = await _dataSource.OpenConnectionAsync(ct);
        // LISTEN before catching up, so a commit that lands during the catch-up still wakes us afterwards.
        await using var listening = await ChannelListener.Start(listener, ct);
        while (true)
        {
            // One broken read model must not hold the others back: each catches up, then the first failure is raised.
            Exception? failure = null;
            foreach (var projection in _projections)
            {
                try
                {
                    await CatchUp(projection, ct);
                }
                catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
                {
                    LogProjectionFailed(_logger, e, projection.Name);
                    failure ??= e;
                }
            }
            if (failure is not null)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            healthy();
            await listener.WaitAsync(ct);
        }
    }

    private async Task CatchUp(IAsyncProjection projection, CancellationToken ct)
    {
        var target = (await _store.Head(ct)).Position;
        // Stops on an empty batch too: positions are dense, so that only happens when rows were deleted under us.
        while (await ApplyNextBatch(projection, ct) is { Applied: > 0, Checkpoint: var reached } && reached < target)
        {
        }
    }

    private async Task<(long Checkpoint, int Applied)> ApplyNextBatch(IAsyncProjection projection, CancellationToken ct)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var checkpoint = await LockCheckpoint(connection, transaction, projection.Name, ct);
        var events = await _store.ReadAfter(connection, transaction, checkpoint, BatchSize, ct);
        if (events.Count == 0)
            return (checkpoint, 0);
        await projection.Apply(connection, transaction, events, ct);
        await SaveCheckpoint(connection, transaction, projection.Name, events[^1].Position, ct);
        await transaction.CommitAsync(ct);
        return (events[^1].Position, events.Count);
    }

    /// <summary>Holds the checkpoint row until commit: a second daemon waits here and then reads the moved checkpoint.</summary>
    private static async Task<long> LockCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("insert into grants.projection_checkpoints (name, position, updated_at) values ($1, 0, now()) on conflict (name) do nothing")
                {
                    Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = name } },
                },
                new NpgsqlBatchCommand("select position from grants.projection_checkpoints where name = $1 for update")
                {
                    Parameters = { new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = name } },
                },
            },
        };
        return (long)(await batch.ExecuteScalarAsync(ct))!;
    }

    private static async Task SaveCheckpoint(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "update grants.projection_checkpoints set position = $2, updated_at = now() where name = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = name });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = position });
        await command.ExecuteNonQueryAsync(ct);
    }

    private IAsyncProjection Find(string name) =>
        _projections.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"No projection is named '{name}'.", nameof(name));

    [LoggerMessage(Level = LogLevel.Error, Message = "Projection {Projection} failed; its batch was rolled back")]
    private static partial void LogProjectionFailed(ILogger logger, Exception exception, string projection);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Projection daemon interrupted; retrying in {Backoff}")]
    private static partial void LogRetrying(ILogger logger, Exception exception, TimeSpan backoff);

    private static async Task<bool> Pause(TimeSpan backoff, CancellationToken ct)
    {
        try
        {
            await Task.Delay(backoff, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
