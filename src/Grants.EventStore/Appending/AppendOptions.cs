using Npgsql;

namespace Grants.EventStore;

/// <summary>Per-append hooks. BeforeCommit runs in the append's transaction after the stream checks and inline
/// projections, before the events get positions; throwing rolls everything back (used for the idempotency record).</summary>
/// <param name="LateWritesFirst">Run the projections' <see cref="LateWrites"/> before BeforeCommit rather than with the
/// chain step, for a caller whose BeforeCommit reads what they write (a budget command answers with its ledger line
/// as the append left it). Such an append holds those rows a little longer.</param>
/// <param name="LateWrite">Queues the caller's own late writes after BeforeCommit (a record nothing in the append reads
/// back, such as the idempotency record), to be sent in the chain step's round trip.</param>
/// <param name="ReadWithClaim">Reads sent with the version claim (its round trip), consumed before the projections run.</param>
/// <param name="Answer">Runs after BeforeCommit, without the database: the caller's answer from the events as they
/// will be stored (positions not assigned yet). Unlike a BeforeCommit, it lets a group-commit batch be pipelined. Like
/// every hook here it may run more than once for one append (a batch tried again), so it builds only from what it is
/// given; the last run's answer is the committed one.</param>
public sealed record AppendOptions(
    Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<StoredEvent>, CancellationToken, ValueTask>? BeforeCommit = null,
    bool LateWritesFirst = false,
    Action<IReadOnlyList<StoredEvent>, LateWrites>? LateWrite = null,
    ClaimRead? ReadWithClaim = null,
    Action<IReadOnlyList<StoredEvent>>? Answer = null)
{
    /// <summary>BeforeCommit, the answer, then the caller's late writes queued behind the projections'.</summary>
    internal async Task BeforeChainStep(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> pending,
                                        LateWrites late, CancellationToken ct)
    {
        if (BeforeCommit is { } beforeCommit)
            await beforeCommit(connection, transaction, pending, ct);
        Answer?.Invoke(pending);
        LateWrite?.Invoke(pending, late);
    }

    /// <summary>The projections' late writes now if the caller asked for them first, else for the chain step.</summary>
    /// <returns>What is left for the chain step.</returns>
    internal static async Task<LateWrites> RunLateWritesFirst(AppendOptions? options, LateWrites late, NpgsqlConnection connection,
                                                              NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (options is not { LateWritesFirst: true })
            return late;
        await late.Execute(connection, transaction, ct);
        return late.Continued();
    }
}
