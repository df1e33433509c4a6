using System.Data;
using Npgsql;

namespace Grants.EventStore;

/// <summary>One batch of the group committer: one connection, one READ COMMITTED transaction, one savepoint per
/// command, one chain write, one commit.</summary>
internal static class GroupCommitBatch
{
    private sealed record Survivor(GroupCommitRequest Request, Dictionary<string, long> Versions, ChainAppender.Part Part);

    public static async Task Run(NpgsqlDataSource dataSource, IInlineProjection[] projections, TimeProvider clock,
                                 List<GroupCommitRequest> batch, CancellationToken stop)
    {
        var survivors = new List<Survivor>(batch.Count);
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(stop);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, stop);
            foreach (var request in batch)
            {
                // Savepoints, not separate transactions: a later command in the batch sees an earlier one's stream
                // version and ledger movement, exactly as if it had committed just before.
                try
                {
                    var versions = await StreamVersionCheck.Claim(connection, transaction, request.Appends, stop, savepointFirst: "command",
                        request.Options?.ReadWithClaim);
                    var pending = request.Prepared.Pending(versions, EventHashing.TruncateToMicroseconds(clock.GetUtcNow()));
                    var late = await PostgresEventStore.ApplyInline(projections, connection, transaction, pending, stop);
                    late = await AppendOptions.RunLateWritesFirst(request.Options, late, connection, transaction, stop);
                    if (request.Options is { } options)
                        await options.BeforeChainStep(connection, transaction, pending, late, stop);
                    // Inside this command's savepoint, so a refusal stays this command's alone; released in the same
                    // round trip once they went through.
                    await late.Execute(connection, transaction, stop, thenRelease: "command");
                    survivors.Add(new Survivor(request, versions,
                        request.Prepared.ToChainPart(pending)));
                }
                catch (LateWriteRefusedException refused)
                {
                    var explained = await refused.Explain(connection, transaction, stop);
                    await transaction.RollbackAsync("command", stop);
                    request.Completion.TrySetException(explained);
                }
                catch (Exception refusal) when (refusal is not OperationCanceledException || !stop.IsCancellationRequested)
                {
                    await transaction.RollbackAsync("command", stop);
                    request.Completion.TrySetException(await Translate(connection, transaction, request, refusal, stop));
                }
            }
            if (survivors.Count == 0)
                return;

            var stored = await ChainAppender.WriteAndCommit(connection, transaction, [.. survivors.Select(s => s.Part)], null, stop);
            for (var i = 0; i < survivors.Count; i++)
                survivors[i].Request.Completion.TrySetResult(new AppendResult(stored[i], survivors[i].Versions));
        }
        catch (Exception failure)
        {
            // The batch as a whole failed (connection lost, commit refused): nothing of it is acknowledged.
            foreach (var request in batch)
                request.Completion.TrySetException(failure);
        }
    }

    /// <summary>A raw unique violation on the store's tables is a lost race like any other (docs/EVENT-STORE.md).</summary>
    private static async Task<Exception> Translate(NpgsqlConnection connection, NpgsqlTransaction transaction,
                                                   GroupCommitRequest request, Exception refusal, CancellationToken ct)
    {
        // Two batches that locked shared rows in opposite orders: PostgreSQL aborted this command's statement. It is
        // a lost race like a version conflict; the caller retries it on fresh state.
        if (refusal is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            return new ConcurrencyException(request.Appends[0].StreamId, request.Appends[0].ExpectedVersion,
                await StreamVersionCheck.CurrentVersion(connection, transaction, request.Appends[0].StreamId, ct));
        if (refusal is not PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, SchemaName: "grants", TableName: "events" or "streams" })
            return refusal;
        foreach (var append in request.Appends)
        {
            var actual = await StreamVersionCheck.CurrentVersion(connection, transaction, append.StreamId, ct);
            if (append.ExpectedVersion != ExpectedVersion.Any && actual != append.ExpectedVersion)
                return new ConcurrencyException(append.StreamId, append.ExpectedVersion, actual);
        }
        return new ConcurrencyException(request.Appends[0].StreamId, request.Appends[0].ExpectedVersion,
            await StreamVersionCheck.CurrentVersion(connection, transaction, request.Appends[0].StreamId, ct));
    }
}
