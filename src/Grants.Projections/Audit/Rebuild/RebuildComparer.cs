using System.Data;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Grants.Projections.Registration;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>Rebuilds every projection from the events into a shadow database and compares it, table by table and
/// column by column, with the live tables as they stood at the same position; the budget and beneficiary ledgers are
/// also compared with the domain's reference arithmetic.</summary>
/// <param name="connectionString">The live database with credentials, to derive the shadow's.</param>
public sealed class RebuildComparer(NpgsqlDataSource live, string connectionString, EventTypeRegistry types, TimeProvider clock)
{
    public async Task<RebuildReport> Run(bool keepShadow, int maxDifferences, Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        await progress(new WorkProgress("creating shadow database", 0, 0));
        await using var shadow = await ShadowDatabase.Create(live, connectionString, clock.GetUtcNow(), keepShadow, ct);
        await SchemaMigrator.Migrate(shadow.DataSource, GrantsProjections.Migrations, ct);
        var tables = await ProjectionTable.List(shadow.DataSource, ct);

        var (head, liveRows) = await ReadLive(tables, ct);
        var replay = new ShadowReplay(new AuditLog(live), types, GrantsProjections.Inline());
        var failure = await replay.Run(shadow.DataSource, head, progress, ct);

        var differences = new List<Difference>();
        long count = 0;
        void Add(IEnumerable<Difference> found)
        {
            foreach (var difference in found)
            {
                if (count++ < maxDifferences)
                    differences.Add(difference);
            }
        }

        if (failure is not null)
        {
            // Everything after a refused event would be rebuilt on a wrong state: the refusal is the finding.
            Add([failure]);
        }
        else
        {
            await using (var connection = await shadow.DataSource.OpenConnectionAsync(ct))
            {
                for (var i = 0; i < tables.Count; i++)
                {
                    await progress(new WorkProgress("comparing", i, tables.Count));
                    var rebuilt = await TableRows.Read(connection, null, tables[i], ct);
                    Add(TableDiff.Compare(Difference.Shadow, liveRows[tables[i].Name], rebuilt));
                }
            }
            Add(ReferenceLedgers.Compare(replay.Book, liveRows.GetValueOrDefault(ReferenceLedgers.BudgetTable),
                liveRows.GetValueOrDefault(ReferenceLedgers.BeneficiaryTable)));
        }
        await progress(new WorkProgress("comparing", tables.Count, tables.Count));

        return new RebuildReport(head, replay.Replayed, replay.Elapsed,
            [.. tables.Select(t => $"{t.Name} ({liveRows[t.Name].Count} rows)")], count, differences,
            keepShadow ? shadow.Name : null);
    }

    /// <summary>The head and every live projection table from one snapshot: projections commit with their events,
    /// so these rows are exactly the effect of the events up to that head.</summary>
    private async Task<(long Head, Dictionary<string, TableRows> Rows)> ReadLive(IReadOnlyList<ProjectionTable> tables, CancellationToken ct)
    {
        await using var connection = await live.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        await using var command = new NpgsqlCommand("select position from grants.event_head", connection, transaction);
        var head = (long)(await command.ExecuteScalarAsync(ct))!;
        var rows = new Dictionary<string, TableRows>(StringComparer.Ordinal);
        foreach (var table in tables)
            rows[table.Name] = await TableRows.Read(connection, transaction, table, ct);
        await transaction.CommitAsync(ct);
        return (head, rows);
    }
}
