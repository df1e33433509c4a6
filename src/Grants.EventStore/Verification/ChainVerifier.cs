using System.Text.Json;

namespace Grants.EventStore;

/// <summary>Recomputes the chain row by row from what is stored, trusting nothing but the genesis (or the row before
/// the range) and, if given, the auditor's own digest.</summary>
internal sealed class ChainVerifier(long fromPosition, byte[] anchor, ChainHead? expected)
{
    private long _next = fromPosition;

    public byte[] LastHash { get; private set; } = anchor;

    public long LastPosition => _next - 1;

    /// <returns>The failure at this row, or null when it links correctly.</returns>
    public VerifyResult? Check(EventRow row)
    {
        if (row.Position != _next)
            return VerifyResult.Failed(_next, $"Position {_next} is missing (the next stored event is at {row.Position}).");

        byte[] recomputed;
        try
        {
            var bytes = EventHashing.CanonicalBytes(row.Position, row.StreamId, row.StreamType, row.Version, row.EventType,
                row.Data, row.Metadata, row.RecordedAt);
            recomputed = EventHashing.ChainHash(LastHash, bytes);
        }
        catch (Exception e) when (e is CanonicalJsonException or JsonException)
        {
            return VerifyResult.Failed(row.Position, $"The event at {row.Position} cannot be put in canonical form: {e.Message}");
        }

        if (!row.PreviousHash.AsSpan().SequenceEqual(LastHash))
            return VerifyResult.Failed(row.Position, $"The stored prev_hash at {row.Position} does not link to the event before it.");
        if (!row.Hash.AsSpan().SequenceEqual(recomputed))
            return VerifyResult.Failed(row.Position, $"The event at {row.Position} no longer matches its hash: its content was changed.");
        if (expected is not null && expected.Position == row.Position && !expected.Hash.AsSpan().SequenceEqual(recomputed))
            return VerifyResult.Failed(row.Position,
                $"The chain hash at {row.Position} differs from the digest kept for it: events up to {row.Position} were rewritten and re-hashed.");

        LastHash = recomputed;
        _next++;
        return null;
    }

    /// <returns>The failure once all rows were seen, or null.</returns>
    public VerifyResult? Finish(long through, ChainHead head)
    {
        if (_next <= through)
            return VerifyResult.Failed(_next, $"Position {_next} is missing (the chain runs to {through}).");
        if (through == head.Position && !head.Hash.AsSpan().SequenceEqual(LastHash))
            return VerifyResult.Failed(head.Position, $"event_head disagrees with the event at {head.Position}.");
        return null;
    }
}
