using System.Globalization;
using Grants.EventStore;
using Grants.Projections.Registration;
using Npgsql;

namespace Grants.History.Writing;

/// <summary>One writer's way into the store: its own PostgresEventStore with the real inline projections and a group
/// committer, so every command keeps its own metadata (actor, a unique request id, its step note) — one Append
/// carries one metadata — while up to <c>--batch</c> commands share one transaction, one head lock and one commit.</summary>
public sealed class Appender : IAsyncDisposable
{
    public const string Actor = "history-generator";

    private readonly GroupCommitter _committer;
    private readonly string _requestPrefix;
    private long _requests;
    private long _events;

    public Appender(NpgsqlDataSource dataSource, EventTypeRegistry types, int writer, string runId, int batch)
    {
        Store = new PostgresEventStore(dataSource, types, GrantsProjections.Inline(), TimeProvider.System);
        // Partitioned by budget line as the server's committer is, so a batch's crowded lines are written once (CrowdedBudgetLines).
        _committer = new GroupCommitter(dataSource, types, GrantsProjections.Inline(), TimeProvider.System, batch,
            partitionOf: Grants.Projections.Ledgers.BudgetPartition.Of);
        Store.UseGroupCommit(_committer);
        _requestPrefix = string.Create(CultureInfo.InvariantCulture, $"history-{runId}-w{writer}-");
    }

    public PostgresEventStore Store { get; }

    /// <summary>Events this writer has appended so far.</summary>
    public long Events => Interlocked.Read(ref _events);

    /// <param name="note">The step note as the API files it (JSON with the application id), or null.</param>
    public async Task<AppendResult> Append(IReadOnlyList<StreamAppend> appends, string? note, CancellationToken ct)
    {
        var requestId = _requestPrefix + Interlocked.Increment(ref _requests).ToString("x", CultureInfo.InvariantCulture);
        var result = await Store.Append(appends, new EventMetadata(Actor, requestId, Note: note), null, ct);
        Interlocked.Add(ref _events, result.Events.Count);
        return result;
    }

    public ValueTask DisposeAsync() => _committer.DisposeAsync();
}
