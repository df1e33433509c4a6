using System.Data;
using System.Diagnostics;
using Grants.EventStore;
using Grants.Projections.Audit.Rebuild.Feed;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Rebuilds every projection from the events in memory, writes the result into a shadow schema and compares
/// it in SQL, table by table and column by column, with the live tables as they stood at the same position; the budget
/// and beneficiary ledgers are also compared with the domain's reference arithmetic.</summary>
public sealed class RebuildComparer(NpgsqlDataSource live, EventTypeRegistry types, TimeProvider clock)
{
    public async Task<RebuildReport> Run(bool keepShadow, int maxDifferences, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        try
        {
            return await Rebuild(keepShadow, maxDifferences, progress, ct);
        }
        finally
        {
            // What the comparison left (or, when it failed early, the image itself) is garbage once the report is built.
            // Collected at once, it is not still in the heap when the next rebuild grows its own image.
            GC.Collect();
        }
    }

    private async Task<RebuildReport> Rebuild(bool keepShadow, int maxDifferences, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        await progress(new WorkProgress("creating shadow schema", 0, 0));
        await using var connection = await live.OpenConnectionAsync(ct);
        // Projections commit with their events: in this snapshot the live tables are exactly the effect of the events
        // up to the head read first, however long the rebuild takes and whatever is appended meanwhile.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var head = await Head(connection, transaction, ct);
        var tables = await ProjectionTable.List(connection, transaction, ct);
        var shadow = await ShadowSchema.Create(connection, transaction, clock.GetUtcNow(), tables, ct);

        // Counted in this snapshot, so the image is sized once for exactly the rows the live tables hold. The planner's
        // estimate lagged up to 4 % behind a growing history, and a table one row past its reservation doubles, its
        // old and new arrays both live at the fold's peak: that was up to 90 MB of a million-event rebuild's peak.
        var liveRows = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
            liveRows[table.Name] = await shadow.LiveCount(table, ct);
        var replay = new ImageReplay(new EventFeed(live, types));
        replay.Image.Reserve(liveRows);
        await shadow.PrepareCopies(replay.Image.Tables.Select(t => (t.Name, t.Columns)).Append((Image.Notes.Table, Image.Notes.Columns)), ct);

        var rebuild = Stopwatch.StartNew();
        Difference? failure;
        // The connection is idle while the events are read on another: the notes are copied in as they are filed.
        await using (var notes = await shadow.Import(Image.Notes.Table, ct))
        {
            if (notes is not null)
                replay.Image.StreamNotesTo(notes);
            failure = await replay.Run(head, progress, ct);
            if (notes is not null)
                await notes.Complete(ct);
        }
        if (failure is null || keepShadow)
            await shadow.Write(replay.Image.Tables, progress, ct);
        var rebuildTime = rebuild.Elapsed;
        // The image (a couple of hundred MB at a million events) is garbage once the shadow holds it: released and
        // collected now (not counted in the rebuild's time), the comparison's allocations do not come on top of it.
        var book = failure is null ? replay.Image.Book : null;
        replay.Image.Release();
        GC.Collect();

        var found = new Findings(maxDifferences);
        var rows = new List<string>(tables.Count);
        for (var i = 0; i < tables.Count; i++)
        {
            await progress(new WorkProgress("comparing", i, tables.Count));
            rows.Add($"{tables[i].Name} ({liveRows[tables[i].Name]} rows)");
            if (failure is not null)
                continue;
            await foreach (var (liveRow, rebuiltRow) in shadow.Differing(tables[i], ct))
                found.Add(TableDiff.Compare(Difference.Shadow, tables[i], liveRow, rebuiltRow));
        }
        if (failure is null)
            found.Add(ReferenceLedgers.Compare(book!, await LiveLedgers.Read(connection, transaction, ct)));
        else
            found.Add([failure]);
        await progress(new WorkProgress("comparing", tables.Count, tables.Count));

        if (keepShadow)
            await transaction.CommitAsync(ct);
        else
            await transaction.RollbackAsync(ct);
        return new RebuildReport(head, replay.Replayed, rebuildTime, rows, found.Count, found.First, keepShadow ? shadow.Name : null);
    }

    private static async Task<long> Head(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select position from grants.event_head", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Counts every difference, keeps the first ones up to the limit.</summary>
    private sealed class Findings(int max)
    {
        public List<Difference> First { get; } = [];

        public long Count { get; private set; }

        public void Add(IEnumerable<Difference> differences)
        {
            foreach (var difference in differences)
            {
                if (Count++ < max)
                    First.Add(difference);
            }
        }
    }
}
