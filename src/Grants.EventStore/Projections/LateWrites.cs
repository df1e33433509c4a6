using Npgsql;

namespace Grants.EventStore;

/// <summary>Writes an inline projection leaves for the very end of an append, for rows every writer of a kind queues
/// on (a budget ledger in a deadline rush). The store sends them in the chain step's own round trip, just before
/// grants.append_chain and the COMMIT, so such a row is locked for one round trip and the commit flush instead of
/// for the whole rest of the append. A late write therefore cannot be looked at before it is committed: it must
/// refuse by raising an error (SQLSTATE <see cref="RefusedState"/>, or a CHECK; never by quietly touching no row), and
/// says how to explain that error to the caller.</summary>
public sealed class LateWrites
{
    /// <summary>Turns an error raised by a late write into the caller's exception. It runs in the state the write
    /// met: the append's earlier writes, and the late writes before this one, are in place.</summary>
    public delegate Task<Exception> Explain(PostgresException error, NpgsqlConnection connection, NpgsqlTransaction transaction,
                                            CancellationToken ct);

    private const string Savepoint = "late_writes";

    /// <summary>The SQLSTATE a late write raises when it refuses (grants.refuse_unless).</summary>
    public const string RefusedState = "GL001";

    // Decided: a refusal already explained when it was queued (see AddRefusal).
    private readonly List<(NpgsqlBatchCommand Command, Explain Explain, Exception? Decided)> _writes = [];

    // Where a refusal rolls back to before it is explained: a savepoint of their own, or the caller's when they run
    // inside one already (group commit's per-command savepoint, which saves a subtransaction per command).
    private string _rollbackTo = Savepoint;

    private List<Action>? _whenKept;

    private List<Action>? _whenCommitted;

    public int Count => _writes.Count;

    /// <summary>The group-commit batch these writes belong to; null outside group commit.</summary>
    public BatchScope? Batch { get; init; }

    /// <summary>Runs <paramref name="action"/> once the command these writes belong to is kept in its batch (its late
    /// writes went through and its savepoint was released); never if it is rolled back. Only under group commit.</summary>
    public void WhenKept(Action action) => (_whenKept ??= []).Add(action);

    internal void Kept()
    {
        _whenKept?.ForEach(action => action());
        _whenKept = null;
    }

    /// <summary>Runs <paramref name="action"/> once the append these writes belong to has committed, after its caller
    /// has been answered: for a cache of what is durably in the tables. Never if the append (or its batch) fails. An
    /// action must not throw.</summary>
    public void WhenCommitted(Action action) => (_whenCommitted ??= []).Add(action);

    internal void Committed()
    {
        _whenCommitted?.ForEach(action => action());
        _whenCommitted = null;
    }

    /// <summary>A fresh list for what is left once these writes were sent on their own, carrying the batch and what
    /// waits for the command to be kept and committed.</summary>
    internal LateWrites Continued() => new() { Batch = Batch, _whenKept = _whenKept, _whenCommitted = _whenCommitted ??= [] };

    public void Add(NpgsqlBatchCommand command, Explain explain) => _writes.Add((command, explain, null));

    /// <summary>A refusal decided in memory, from rows the batch holds under lock (a crowded budget line).
    /// <paramref name="raising"/> always raises <see cref="RefusedState"/>; it still runs in its place among the writes,
    /// so that a rule an earlier write breaks is the one named. When it is the one that stops them,
    /// <paramref name="refusal"/> is the caller's answer as it stands: nothing needs reading back, so the writes before
    /// it are not run again to explain it.</summary>
    public void AddRefusal(NpgsqlBatchCommand raising, Exception refusal) =>
        _writes.Add((raising, (_, _, _, _) => Task.FromResult(refusal), refusal));

    /// <summary>Every write of <paramref name="lists"/> in order, as one list, for a pipelined batch's chain step; the
    /// originals keep what waits for their commands to be kept and committed.</summary>
    internal static LateWrites Merged(IEnumerable<LateWrites> lists)
    {
        var merged = new LateWrites();
        foreach (var list in lists)
            merged._writes.AddRange(list._writes);
        return merged;
    }

    /// <summary>A statement with positional parameters $1… (null becomes SQL NULL).</summary>
    public void Add(string sql, IEnumerable<object?> args, Explain explain)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var arg in args)
            command.Parameters.Add(new NpgsqlParameter { Value = arg ?? DBNull.Value });
        Add(command, explain);
    }

    /// <summary>Runs the writes now, in one round trip, for callers that apply a projection outside an append. A
    /// refusal is explained and thrown; the transaction stays usable, without any of these writes.</summary>
    public async Task ExecuteNow(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (_writes.Count == 0)
            return;
        try
        {
            await Execute(connection, transaction, ct);
        }
        catch (LateWriteRefusedException refused)
        {
            var explained = await refused.Explain(connection, transaction, ct);
            await Run(connection, transaction, $"rollback to savepoint {Savepoint}", ct);
            throw explained;
        }
        await Run(connection, transaction, $"release savepoint {Savepoint}", ct);
    }

    /// <summary>Runs the writes in one round trip (a savepoint first, for the explanation of a refusal).</summary>
    /// <param name="thenRelease">A savepoint of the caller's, set just before the append's own writes and the writes
    /// that precede these: it stands in for theirs (a refusal is explained after rolling back to it), and is released
    /// in the same round trip once they went through.</param>
    /// <exception cref="LateWriteRefusedException">A write raised an error.</exception>
    internal async Task Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct,
                                string? thenRelease = null)
    {
        if (_writes.Count == 0 && thenRelease is null)
            return;
        await using var batch = new NpgsqlBatch(connection, transaction);
        AddTo(batch, within: thenRelease);
        if (thenRelease is not null)
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"release savepoint {thenRelease}"));
        try
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (Refused(e) is { } refused)
        {
            throw refused;
        }
    }

    /// <summary>A savepoint, then the writes, at the end of <paramref name="batch"/>.</summary>
    /// <param name="within">The caller's savepoint these run inside, to roll back to instead of one of their own. An
    /// explanation then meets the state without the rest of the command's writes, which is sound because what a late
    /// write's explanation reads (ledger lines, standing, the catalog's measures) only late writes change in an
    /// append.</param>
    internal void AddTo(NpgsqlBatch batch, string? within = null)
    {
        if (_writes.Count == 0)
            return;
        _rollbackTo = within ?? Savepoint;
        if (within is null)
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"savepoint {Savepoint}"));
        foreach (var (command, _, _) in _writes)
            batch.BatchCommands.Add(command);
    }

    /// <returns>The refusal when <paramref name="error"/> stopped one of these writes in a batch filled by
    /// <see cref="AddTo"/>; null when they all completed (the error came from elsewhere).</returns>
    /// <remarks>Npgsql does not say which command of a batch failed (PostgresException.BatchCommand stays null); it
    /// does record each completed command's statement type, and a batch runs in order, so the failed write is the
    /// first one that never completed.</remarks>
    internal LateWriteRefusedException? Refused(PostgresException error)
    {
        // Only a refusal (raised, or a CHECK) is the write's to explain; a deadlock or a lost connection is not.
        if (error.SqlState is not (RefusedState or PostgresErrorCodes.CheckViolation))
            return null;
        var failed = _writes.FindIndex(w => w.Command.StatementType == StatementType.Unknown);
        return failed < 0 ? null : new LateWriteRefusedException(error, this, failed);
    }

    /// <summary>Back to the savepoint, the writes before the refused one again, then its explanation in that state.</summary>
    internal async Task<Exception> ExplainRefusal(PostgresException error, int failed, NpgsqlConnection connection, NpgsqlTransaction transaction,
                                           CancellationToken ct)
    {
        // Decided in memory: every write before it went through, and its explanation reads nothing. The caller still
        // rolls back, as after any refusal.
        if (_writes[failed].Decided is { } decided && error.SqlState == RefusedState)
            return decided;
        await Run(connection, transaction, $"rollback to savepoint {_rollbackTo}", ct);
        for (var i = 0; i < failed; i++)
        {
            await using var again = new NpgsqlCommand(_writes[i].Command.CommandText, connection, transaction);
            foreach (NpgsqlParameter parameter in _writes[i].Command.Parameters)
                again.Parameters.Add(parameter.Clone());
            try
            {
                await again.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException raced)
            {
                // The rows moved since the batch ran: this earlier write is now the one that cannot go through.
                await Run(connection, transaction, $"rollback to savepoint {_rollbackTo}", ct);
                return await _writes[i].Explain(raced, connection, transaction, ct);
            }
        }
        return await _writes[failed].Explain(error, connection, transaction, ct);
    }

    private static async Task Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A late write raised an error. Nothing is committed; <see cref="Explain"/> gives the caller's exception
/// (call it before rolling the transaction back).</summary>
public sealed class LateWriteRefusedException : Exception
{
    private readonly LateWrites _writes;
    private readonly int _failed;

    internal LateWriteRefusedException(PostgresException error, LateWrites writes, int failed) : base(error.MessageText, error)
    {
        Error = error;
        _writes = writes;
        _failed = failed;
    }

    public PostgresException Error { get; }

    public Task<Exception> Explain(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct) =>
        _writes.ExplainRefusal(Error, _failed, connection, transaction, ct);
}
