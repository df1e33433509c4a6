using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Grants.EventStore;

public sealed partial class PostgresEventStore
{
    /// <summary>Recomputes the hash chain from the stored rows over [from, to] (to defaults to the head) and names
    /// the first position that is missing or does not match. With <paramref name="expected"/>, a digest taken earlier
    /// with <see cref="Head"/>, also proves nobody rewrote history and recomputed every hash after it.</summary>
    public async Task<VerifyResult> Verify(long fromPosition = 1, long? toPosition = null, ChainHead? expected = null,
                                           CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(fromPosition);
        if (toPosition < fromPosition - 1)
            throw new ArgumentOutOfRangeException(nameof(toPosition), "The range ends before it starts.");

        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        // One snapshot for head and rows, so an append committing meanwhile cannot look like a broken chain.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var head = await ReadHead(connection, transaction, ct);
        var through = Math.Min(toPosition ?? head.Position, head.Position);
        if (fromPosition > through + 1)
            return VerifyResult.Passed(through);

        if (expected is not null)
        {
            if (expected.Position > head.Position)
                return VerifyResult.Failed(head.Position + 1,
                    $"The store ends at {head.Position} but the digest kept covers {expected.Position}: events were removed.");
            if (expected.Position != 0 && (expected.Position < fromPosition || expected.Position > through))
                throw new ArgumentOutOfRangeException(nameof(expected), "The digest's position lies outside the range verified.");
        }

        var anchor = fromPosition == 1 ? EventHashing.Genesis.ToArray() : await StoredHash(connection, transaction, fromPosition - 1, ct);
        if (anchor is null)
            return VerifyResult.Failed(fromPosition - 1, $"Position {fromPosition - 1} is missing.");

        var verifier = new ChainVerifier(fromPosition, anchor, expected);
        await using (var command = new NpgsqlCommand(
            $"select {EventRow.Columns} from grants.events where position >= $1 and position <= $2 order by position", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = fromPosition });
            // Through the head: look one past it as well, so a row slipped in beyond the head is caught.
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = through == head.Position ? long.MaxValue : through });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var row = EventRow.Read(reader);
                if (row.Position > through)
                    return verifier.Finish(through, head)
                           ?? VerifyResult.Failed(row.Position, $"An event at {row.Position} lies beyond the chain head {head.Position}.");
                if (verifier.Check(row) is { } failure)
                    return failure;
            }
        }
        return verifier.Finish(through, head) ?? VerifyResult.Passed(through);
    }

    private static async Task<byte[]?> StoredHash(NpgsqlConnection connection, NpgsqlTransaction transaction, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("select hash from grants.events where position = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = position });
        return await command.ExecuteScalarAsync(ct) as byte[];
    }
}
