using IsolationLevel = System.Data.IsolationLevel;
using Npgsql;

namespace Grants.EventStore;

/// <summary>A batch in two round trips instead of one per command: every command's version claim and reads, then,
/// once each was decided in memory in batch order, every command's late writes, the chain step and the commit. There
/// are no savepoints: a refusal, or anything failing while deciding, rolls the whole attempt back, and the batch runs
/// one by one, which settles each command on its own; a lost race is answered and the rest tried again. Commands that
/// cannot be decided this way go one by one after the others, in the same transaction. Nothing is acknowledged before
/// the commit either way.</summary>
internal static partial class GroupCommitBatch
{
    /// <summary>Splits a batch into the commands that may be decided ahead, pipelined, and the rest, which go one by one
    /// after them (concurrent commands, none acknowledged yet: any order of them is one the callers could have met).
    /// Deciding a command before the late writes of those ahead of it are sent decides it as one by one would when it
    /// writes no stream another one ahead writes (whose reads and history would then be the other's), has no hook that
    /// reads or writes between its projections and the chain step (BeforeCommit, LateWritesFirst), and every projection
    /// only queues late writes for each of its events (<see cref="IInlineProjection.WritesOnlyLate"/>).</summary>
    private static (List<GroupCommitRequest> Ahead, List<GroupCommitRequest> After) Split(List<GroupCommitRequest> batch,
                                                                                           IInlineProjection[] projections)
    {
        var streams = new HashSet<string>(StringComparer.Ordinal);
        var (ahead, rest) = (new List<GroupCommitRequest>(batch.Count), new List<GroupCommitRequest>());
        foreach (var request in batch)
        {
            var qualifies = request.Options is not ({ BeforeCommit: not null } or { LateWritesFirst: true })
                            && request.Appends.All(a => !streams.Contains(a.StreamId)
                                                        && a.Events.All(data => projections.All(p => p.WritesOnlyLate(data))));
            if (!qualifies)
            {
                rest.Add(request);
                continue;
            }
            ahead.Add(request);
            streams.UnionWith(request.Appends.Select(a => a.StreamId));
        }
        return (ahead, rest);
    }

    private const int MaxPipelinedAttempts = 3;

    /// <summary>A command that lost a race in a pipelined attempt's first round trip, with its caller's answer.</summary>
    private sealed record LostRace(GroupCommitRequest Request, ConcurrencyException Race);

    /// <param name="Committed">The batch committed and its callers have their answers.</param>
    /// <param name="Lost">Otherwise, nothing was acknowledged; this command lost a race the way it would one by one,
    /// and the others may be tried again without it. Null: run them one by one.</param>
    private sealed record Attempt(bool Committed, LostRace? Lost = null);

    /// <exception cref="Exception">The connection failed, or the commit's outcome is unknown: the batch fails.</exception>
    /// <param name="batch">The commands decided ahead, pipelined.</param>
    /// <param name="rest">Those that go one by one after them.</param>
    private static async Task<Attempt> TryPipelined(NpgsqlConnection connection, IInlineProjection[] projections, TimeProvider clock,
                                                    List<GroupCommitRequest> batch, List<GroupCommitRequest> rest, BatchScope scope,
                                                    BatchOpening? opening, CancellationToken stop)
    {
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, stop);
        var committing = false;
        try
        {
            var claims = await ClaimAll(connection, transaction, batch, opening, stop);
            if (claims.LostAt >= 0)
            {
                await transaction.RollbackAsync(stop);
                var race = claims.Race ?? await StreamVersionCheck.Conflict(connection, null, claims.Conflict!, stop);
                return new Attempt(false, new LostRace(batch[claims.LostAt], race));
            }
            var survivors = new List<Survivor>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var request = batch[i];
                var pending = request.Prepared.Pending(claims.Versions[i], EventHashing.TruncateToMicroseconds(clock.GetUtcNow()));
                var late = await PostgresEventStore.ApplyInline(projections, connection, transaction, pending, stop, scope);
                if (request.Options is { } options)
                    await options.BeforeChainStep(connection, transaction, pending, late, stop);
                // Kept before the next command is decided, as one by one; should any write fail, this scope is dropped
                // with the attempt.
                late.Kept();
                survivors.Add(new Survivor(request, claims.Versions[i], request.Prepared.ToChainPart(pending), late));
            }
            var unsent = LateWrites.Merged(survivors.Select(s => s.Late));
            if (rest.Count > 0)
            {
                // Their late writes now, so that the rest see them; a refusal still sends the whole batch one by one.
                await unsent.Execute(connection, transaction, stop);
                unsent = new LateWrites();
            }
            // From here a caller may be answered (one of the rest refused) or the commit sent: a refusal by the
            // database still runs the batch one by one, but only the commands whose callers have no answer yet (Run).
            committing = true;
            await EachInItsSavepoint(connection, transaction, projections, clock, rest, survivors, scope, opening: null, stop);
            await Commit(connection, transaction, survivors, scope, stop, unsent);
            return new Attempt(true);
        }
        catch (Exception refused) when (NothingCommitted(refused, committing, stop))
        {
            if (transaction.Connection is not null)
            {
                // A statement the database refused leaves the transaction aborted, a refused COMMIT leaves none, and
                // NpgsqlTransaction.Rollback throws in the second case: a plain ROLLBACK does for both.
                await using var rollback = new NpgsqlCommand("rollback", connection);
                await rollback.ExecuteNonQueryAsync(stop);
            }
            return new Attempt(false);
        }
    }

    /// <summary>Whether the attempt failed in a way the one-by-one run may answer: the database refused something (so
    /// nothing was committed, the COMMIT being the batch's last statement), or, before the commit was sent, anything
    /// but a lost connection or the writer stopping.</summary>
    private static bool NothingCommitted(Exception failure, bool committing, CancellationToken stop) => failure switch
    {
        OperationCanceledException when stop.IsCancellationRequested => false,
        PostgresException { Severity: "FATAL" or "PANIC" } => false,
        PostgresException or LateWriteRefusedException => true,
        NpgsqlException => false,
        _ => !committing,
    };

    /// <param name="Versions">Each command's claimed versions, when all went through.</param>
    /// <param name="LostAt">Else the first command that lost a race: a stream it decided on had moved (<paramref
    /// name="Race"/>), or a stream it writes was not at its expected version (<paramref name="Conflict"/>). Before it
    /// in the round trip ran only the claims of the commands before it, as one by one: the race is its own.</param>
    private sealed record Claims(Dictionary<string, long>[] Versions, int LostAt = -1, ConcurrencyException? Race = null,
                                 StreamAppend? Conflict = null);

    /// <summary>The batch's opening, then every command's claim and reads, in one round trip, in batch order.</summary>
    private static async Task<Claims> ClaimAll(NpgsqlConnection connection, NpgsqlTransaction transaction, List<GroupCommitRequest> batch,
                                               BatchOpening? opening, CancellationToken ct)
    {
        await using var claims = new NpgsqlBatch(connection, transaction);
        opening?.AddTo(claims);
        var ordered = batch.Select(r => StreamVersionCheck.AddTo(claims, r.Appends, r.Options?.ReadWithClaim)).ToList();
        var versions = new Dictionary<string, long>[batch.Count];
        await using var reader = await claims.ExecuteReaderAsync(ct);
        if (opening is not null)
            await opening.Consume(reader, ct);
        for (var i = 0; i < batch.Count; i++)
        {
            var read = batch[i].Options?.ReadWithClaim;
            (Dictionary<string, long> Versions, StreamAppend? Conflict) claim;
            try
            {
                claim = await StreamVersionCheck.Read(reader, ordered[i], read, ct);
            }
            catch (ConcurrencyException race)
            {
                // A stream it decided on moved (ClaimRead.StreamsAt), which only claims do.
                return new Claims(versions, i, Race: race);
            }
            if (claim.Conflict is { } conflict)
                return new Claims(versions, i, Conflict: conflict);
            versions[i] = claim.Versions;
            // A read leaves the reader on its last result; a claim alone has moved past its own.
            if (read is not null)
                await reader.NextResultAsync(ct);
        }
        return new Claims(versions);
    }
}
