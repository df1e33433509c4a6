using System.Diagnostics;
using Grants.Domain;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Feeds every event up to a position through the inline projections, on the shadow database, in batches
/// of one transaction each; folds the reference ledgers on the way.</summary>
internal sealed class ShadowReplay(AuditLog log, EventTypeRegistry types, IReadOnlyList<IInlineProjection> projections)
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);

    public LedgerBook Book { get; private set; } = LedgerBook.Empty;

    public long Replayed { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    /// <returns>Null when every event was applied; otherwise the failure at the first event the projections refused
    /// (the replay stops there: what follows would be built on a wrong state).</returns>
    public async Task<Difference?> Run(NpgsqlDataSource shadow, long through, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return await Replay(shadow, through, progress, clock, ct);
        }
        finally
        {
            Elapsed = clock.Elapsed;
        }
    }

    private async Task<Difference?> Replay(NpgsqlDataSource shadow, long through, Func<WorkProgress, Task> progress, Stopwatch clock,
                                           CancellationToken ct)
    {
        var lastReport = TimeSpan.Zero;
        await using var connection = await shadow.OpenConnectionAsync(ct);
        var batch = new List<StoredEvent>(BatchSize);
        await foreach (var raw in log.Read(0, through, EventFilter.None, ct))
        {
            StoredEvent stored;
            try
            {
                stored = raw.ToStoredEvent(types);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return await Apply(connection, batch, ct) ?? Failed(raw.Position, raw.EventType, $"cannot be read: {e.Message}");
            }
            batch.Add(stored);
            if (batch.Count == BatchSize && await Apply(connection, batch, ct) is { } failure)
                return failure;
            if (clock.Elapsed - lastReport >= ReportEvery)
            {
                lastReport = clock.Elapsed;
                await progress(new WorkProgress("replaying", Replayed + batch.Count, through));
            }
        }
        var last = await Apply(connection, batch, ct);
        await progress(new WorkProgress("replaying", Replayed, through));
        return last;
    }

    private async Task<Difference?> Apply(NpgsqlConnection connection, List<StoredEvent> batch, CancellationToken ct)
    {
        if (batch.Count == 0)
            return null;
        var (applied, failure) = await Project(connection, batch, batch.Count, ct);
        if (failure is not null && applied > 0)
        {
            // Keep the shadow as it stood just before the refused event (for --keep-shadow), and count honestly.
            (applied, _) = await Project(connection, batch, applied, ct);
        }

        foreach (var stored in batch.Take(applied))
        {
            if (stored.Data is IDomainEvent e)
                Book = Book.Apply(e);
        }
        Replayed += applied;
        batch.Clear();
        return failure;
    }

    /// <returns>How many of the first <paramref name="count"/> events were applied and committed, and the failure
    /// that stopped the rest (then nothing of this call is committed).</returns>
    private async Task<(int Applied, Difference? Failure)> Project(NpgsqlConnection connection, List<StoredEvent> batch, int count,
                                                                  CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        for (var i = 0; i < count; i++)
        {
            var stored = batch[i];
            IReadOnlyList<StoredEvent> one = [stored];
            try
            {
                // Event by event through every projection, as a one-event append would run them.
                foreach (var projection in projections)
                    await projection.Apply(connection, transaction, one, ct);
            }
            catch (Exception e) when (e is Ledgers.LedgerRefusedException or PostgresException)
            {
                return (i, Failed(stored.Position, stored.EventType, $"refused by the projections: {e.Message}"));
            }
        }
        await transaction.CommitAsync(ct);
        return (count, null);
    }

    private static Difference Failed(long position, string type, string why) =>
        new(Difference.Replay, "events", position.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null,
            $"{type} at position {position} {why}");
}
