using System.Diagnostics;
using System.Runtime.CompilerServices;
using Grants.Projections.Audit.Rebuild.Feed;
using Grants.Projections.Audit.Rebuild.Image;
using Grants.Projections.Ledgers;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Folds the event feed into a <see cref="ProjectionImage"/>, event by event, stopping at the first event
/// the projections would refuse (or that cannot be read).</summary>
internal sealed class ImageReplay(EventFeed feed)
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(500);

    public ProjectionImage Image { get; } = new();

    public long Replayed { get; private set; }

    /// <returns>Null when every event was folded; otherwise the finding at the event that stopped the replay (the
    /// image then stands as it did just before that event).</returns>
    public async Task<Difference?> Run(long through, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var (batches, reading) = feed.Start(through, stop.Token);
        var clock = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        try
        {
            await foreach (var parsing in batches.ReadAllAsync(ct))
            {
                if (Fold(await parsing) is { } failure)
                    return failure;
                await Image.NotesPaced();
                if (clock.Elapsed - lastReport >= ReportEvery)
                {
                    lastReport = clock.Elapsed;
                    await progress(new WorkProgress("replaying", Replayed, through));
                }
            }
            await progress(new WorkProgress("replaying", Replayed, through));
            return null;
        }
        finally
        {
            // Stops the reader when the fold ended early; its COPY is cancelled on its own connection, and batches
            // still being deserialised finish on their own.
            await stop.CancelAsync();
            await reading;
        }
    }

    private Difference? Fold(EventFeed.Batch batch)
    {
        try
        {
            return Fold(batch.Events) ?? batch.Unreadable;
        }
        finally
        {
            batch.Block.Return();
            feed.Recycle(batch.Events);
        }
    }

    // This method and the other per-event and per-row steps of the rebuild marked so are compiled fully optimised at
    // their first call: a rebuild right after a start otherwise folds much of its history in tier-0 code while the
    // tiering thread competes for the same two cores to replace it.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Difference? Fold(List<ReplayedEvent> events)
    {
        foreach (var stored in events)
        {
            try
            {
                Image.Apply(stored);
            }
            catch (Exception e) when (e is LedgerRefusedException or ImageRefusedException)
            {
                return Refused.At(stored.Position, stored.EventType, $"refused by the projections: {e.Message}");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A body the projections' code cannot handle (a field missing, a note of the wrong shape) would fail
                // the append the same way; it is a finding at its position, not a crash of the audit.
                return Refused.At(stored.Position, stored.EventType, $"cannot be projected: {e.GetType().Name}: {e.Message}");
            }
            Replayed++;
        }
        return null;
    }
}
