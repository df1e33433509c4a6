using IsolationLevel = System.Data.IsolationLevel;
using Npgsql;

namespace Grants.EventStore;

/// <summary>One batch of the group committer: one connection, one READ COMMITTED transaction, one chain write, one
/// commit. The commands that qualify are pipelined (GroupCommitBatch.Pipelined.cs); the others, or all of them when a
/// pipelined attempt met a refusal, run one by one: one savepoint per command, whose late writes (and the
/// release of its savepoint) travel in the next command's claim round trip, so a command costs one round trip of the
/// batch's writer plus whatever its projections and BeforeCommit read.</summary>
internal static partial class GroupCommitBatch
{
    private sealed record Survivor(GroupCommitRequest Request, Dictionary<string, long> Versions, ChainAppender.Part Part, LateWrites Late);

    /// <summary>A command that went through up to its late writes, which have not been sent yet.</summary>
    private sealed record Carried(Survivor Survivor)
    {
        public LateWrites Late => Survivor.Late;
    }

    /// <param name="partitionOf">Each append's partition, which tells the projections what this batch crowds on
    /// (<see cref="BatchScope"/>).</param>
    /// <param name="pipeline">Whether the commands that qualify are tried pipelined first.</param>
    /// <returns>Whether the batch committed pipelined, wholly or in part.</returns>
    public static async Task<bool> Run(NpgsqlDataSource dataSource, IInlineProjection[] projections, TimeProvider clock,
                                       List<GroupCommitRequest> batch, Func<IReadOnlyList<StreamAppend>, string>? partitionOf,
                                       bool pipeline, CancellationToken stop)
    {
        BatchScope Scope(List<GroupCommitRequest> requests) =>
            new(requests.Select(r => (partitionOf?.Invoke(r.Appends) ?? r.Appends[0].StreamId, r.Appends)));
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(stop);
            var left = batch;
            // A lost race is answered from the first attempt and the rest tried again; a few, and it goes one by one.
            for (var attempt = 0; pipeline && attempt < MaxPipelinedAttempts && left.Count > 0; attempt++)
            {
                var (ahead, rest) = Split(left, projections);
                // One command decided ahead of others would cost a round trip more than one by one.
                if (ahead.Count == 0 || (ahead.Count == 1 && rest.Count > 0))
                    break;
                var scope = Scope(left);
                var outcome = await TryPipelined(connection, projections, clock, ahead, rest, scope, BatchOpening.Of(projections, scope), stop);
                if (outcome.Committed)
                    return true;
                if (outcome.Lost is not { } lost)
                    break;
                lost.Request.Completion.TrySetException(lost.Race);
                left = [.. left.Where(r => r != lost.Request)];
            }
            // An attempt that failed at its commit may already have refused some of the commands decided after the
            // others: their callers have their answer, so running them again could store what they were told was refused.
            if (left.Exists(r => r.Completion.Task.IsCompleted))
                left = [.. left.Where(r => !r.Completion.Task.IsCompleted)];
            if (left.Count > 0)
            {
                var scope = Scope(left);
                try
                {
                    await OneByOne(connection, projections, clock, left, scope, BatchOpening.Of(projections, scope), stop);
                }
                catch (BatchOpening.FailedException)
                {
                    // Nothing was answered yet: the opening goes first. Without it, each row is locked where first used.
                    await OneByOne(connection, projections, clock, left, Scope(left), null, stop);
                }
            }
        }
        catch (Exception failure)
        {
            // The batch as a whole failed (connection lost, commit refused): nothing of it is acknowledged.
            foreach (var request in batch)
                request.Completion.TrySetException(failure);
        }
        return false;
    }

    /// <exception cref="BatchOpening.FailedException">The opening failed; nothing was answered.</exception>
    private static async Task OneByOne(NpgsqlConnection connection, IInlineProjection[] projections, TimeProvider clock,
                                       List<GroupCommitRequest> batch, BatchScope scope, BatchOpening? opening, CancellationToken stop)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, stop);
        var survivors = new List<Survivor>(batch.Count);
        await EachInItsSavepoint(connection, transaction, projections, clock, batch, survivors, scope, opening, stop);
        await Commit(connection, transaction, survivors, scope, stop);
    }

    /// <summary>The commands one after the other, each settled (kept, or rolled back to its savepoint) before the next
    /// one's projections run; the kept join <paramref name="survivors"/>.</summary>
    /// <param name="opening">Sent with the first command's claim, ahead of its savepoint.</param>
    private static async Task EachInItsSavepoint(NpgsqlConnection connection, NpgsqlTransaction transaction, IInlineProjection[] projections,
                                                 TimeProvider clock, List<GroupCommitRequest> batch, List<Survivor> survivors,
                                                 BatchScope scope, BatchOpening? opening, CancellationToken stop)
    {
        Carried? carried = null;
        foreach (var request in batch)
        {
            // Savepoints, not separate transactions: a later command in the batch sees an earlier one's stream
            // version and ledger movement, exactly as if it had committed just before.
            var claim = await ClaimAfter(connection, transaction, carried, request, survivors, stop, opening: opening);
            opening = null;
            if (claim.CarriedFailed)
                claim = await ClaimAfter(connection, transaction, null, request, survivors, stop, claim.RollbackOwed);
            carried = claim.Versions is { } versions
                ? await Decide(connection, transaction, projections, clock, request, versions, scope, stop)
                : null;
        }
        if (carried is not null)
            await Flush(connection, transaction, carried, survivors, stop);
    }

    /// <summary>The chain step and the commit for the kept commands, then their callers' answers.</summary>
    /// <param name="unsent">Late writes of kept commands not sent yet (a pipelined batch's), sent first.</param>
    private static async Task Commit(NpgsqlConnection connection, NpgsqlTransaction transaction, List<Survivor> survivors, BatchScope scope,
                                     CancellationToken stop, LateWrites? unsent = null)
    {
        if (survivors.Count == 0)
            return;
        // What the kept commands left in memory (a crowded budget line's commitments) goes with the chain step; a
        // table constraint refusing it fails the batch as a whole.
        var writes = unsent is null ? scope.Closing() : LateWrites.Merged([unsent, scope.Closing()]);
        var stored = await ChainAppender.WriteAndCommit(connection, transaction, [.. survivors.Select(s => s.Part)], writes, stop);
        Acknowledge(survivors, stored);
    }

    private static void Acknowledge(List<Survivor> survivors, StoredEvent[][] stored)
    {
        for (var i = 0; i < survivors.Count; i++)
            survivors[i].Request.Completion.TrySetResult(new AppendResult(stored[i], survivors[i].Versions));
        // After every caller has its answer, so nothing here can turn a commit into a failure.
        foreach (var survivor in survivors)
            survivor.Late.Committed();
    }

    /// <param name="Versions">The claimed versions; null when this command failed (its caller has been told).</param>
    /// <param name="CarriedFailed">The carried command failed before this one's claim ran: claim again without it.</param>
    /// <param name="RollbackOwed">Its caller has been answered, but it is not rolled back to its savepoint yet: the
    /// claim sent again does that first, in the same round trip.</param>
    private sealed record Claimed(Dictionary<string, long>? Versions, bool CarriedFailed, bool RollbackOwed = false);

    /// <summary>One round trip: the carried command's late writes and release, then this command's savepoint, version
    /// claim and reads.</summary>
    /// <param name="rollBackFirst">A command refused in the previous round trip is rolled back to its savepoint first.</param>
    /// <param name="opening">The batch's opening, for its first command (which carries nothing).</param>
    private static async Task<Claimed> ClaimAfter(NpgsqlConnection connection, NpgsqlTransaction transaction, Carried? carried,
                                                  GroupCommitRequest request, List<Survivor> survivors, CancellationToken ct,
                                                  bool rollBackFirst = false, BatchOpening? opening = null)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        if (rollBackFirst)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("rollback to savepoint command"));
        var release = new NpgsqlBatchCommand("release savepoint command");
        if (carried is not null)
        {
            carried.Late.AddTo(batch, within: "command");
            batch.BatchCommands.Add(release);
        }
        opening?.AddTo(batch);
        var savepoint = new NpgsqlBatchCommand("savepoint command");
        batch.BatchCommands.Add(savepoint);
        var read = request.Options?.ReadWithClaim;
        var ordered = StreamVersionCheck.AddTo(batch, request.Appends, read);

        (Dictionary<string, long> Versions, StreamAppend? Conflict) claim;
        try
        {
            await using var reader = await batch.ExecuteReaderAsync(ct);
            if (opening is not null)
                await opening.Consume(reader, ct);
            claim = await StreamVersionCheck.Read(reader, ordered, read, ct);
        }
        catch (PostgresException error) when (opening is not null && savepoint.StatementType == StatementType.Unknown)
        {
            // Nothing ran before the opening in this round trip (the first command carries nothing), and nothing after.
            throw new BatchOpening.FailedException(error);
        }
        catch (PostgresException error) when (carried is not null && release.StatementType == StatementType.Unknown)
        {
            if (carried.Late.Refused(error) is not { } refused)
            {
                await Fail(connection, transaction, carried.Survivor.Request, error, ct);
                return new Claimed(null, CarriedFailed: true);
            }
            // A refusal is explained and answered now; its rollback goes with the claim sent again, a round trip
            // fewer for each approval refused when a rush runs out of budget.
            carried.Survivor.Request.Completion.TrySetException(await refused.Explain(connection, transaction, ct));
            return new Claimed(null, CarriedFailed: true, RollbackOwed: true);
        }
        catch (Exception error) when (savepoint.StatementType != StatementType.Unknown
                                      && (error is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            // This command's own statements (or the reading of its results) failed; the carried one went through.
            Survived(carried, survivors);
            await Fail(connection, transaction, request, error, ct);
            return new Claimed(null, CarriedFailed: false);
        }
        Survived(carried, survivors);
        if (claim.Conflict is { } conflict)
        {
            await transaction.RollbackAsync("command", ct);
            request.Completion.TrySetException(await StreamVersionCheck.Conflict(connection, transaction, conflict, ct));
            return new Claimed(null, CarriedFailed: false);
        }
        return new Claimed(claim.Versions, CarriedFailed: false);
    }

    /// <summary>The projections and BeforeCommit of a claimed command.</summary>
    /// <returns>The command with its late writes still to send; null when it failed (its caller has been told).</returns>
    private static async Task<Carried?> Decide(NpgsqlConnection connection, NpgsqlTransaction transaction, IInlineProjection[] projections,
                                               TimeProvider clock, GroupCommitRequest request, Dictionary<string, long> versions,
                                               BatchScope scope, CancellationToken ct)
    {
        try
        {
            var pending = request.Prepared.Pending(versions, EventHashing.TruncateToMicroseconds(clock.GetUtcNow()));
            var late = await PostgresEventStore.ApplyInline(projections, connection, transaction, pending, ct, scope);
            late = await AppendOptions.RunLateWritesFirst(request.Options, late, connection, transaction, ct);
            if (request.Options is { } options)
                await options.BeforeChainStep(connection, transaction, pending, late, ct);
            return new Carried(new Survivor(request, versions, request.Prepared.ToChainPart(pending), late));
        }
        catch (Exception refusal) when (refusal is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await Fail(connection, transaction, request, refusal, ct);
            return null;
        }
    }

    /// <summary>The last command's late writes, on their own, before the chain step.</summary>
    private static async Task Flush(NpgsqlConnection connection, NpgsqlTransaction transaction, Carried carried, List<Survivor> survivors,
                                    CancellationToken ct)
    {
        try
        {
            // Inside the command's savepoint, so a refusal stays this command's alone; released in the same round trip.
            await carried.Late.Execute(connection, transaction, ct, thenRelease: "command");
            Survived(carried, survivors);
        }
        catch (Exception refusal) when (refusal is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await Fail(connection, transaction, carried.Survivor.Request, refusal, ct);
        }
    }

    private static void Survived(Carried? carried, List<Survivor> survivors)
    {
        if (carried is null)
            return;
        survivors.Add(carried.Survivor);
        carried.Late.Kept();
    }

    /// <summary>Rolls the command back to its savepoint and tells its caller why (a late write's refusal explained in
    /// the state it met, first).</summary>
    private static async Task Fail(NpgsqlConnection connection, NpgsqlTransaction transaction, GroupCommitRequest request, Exception refusal,
                                   CancellationToken ct)
    {
        if (refusal is LateWriteRefusedException refused)
        {
            var explained = await refused.Explain(connection, transaction, ct);
            await transaction.RollbackAsync("command", ct);
            request.Completion.TrySetException(explained);
            return;
        }
        await transaction.RollbackAsync("command", ct);
        request.Completion.TrySetException(await Translate(connection, transaction, request, refusal, ct));
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
