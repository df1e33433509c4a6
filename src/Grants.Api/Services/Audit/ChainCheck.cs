using Grants.EventStore;
using Grants.Projections.Audit;

namespace Grants.Api.Services.Audit;

/// <summary>The store's chain verification in slices, so a long chain reports progress. Slicing changes nothing: each
/// slice starts from the stored hash before it, which the previous slice has just recomputed and matched.</summary>
public sealed class ChainCheck(PostgresEventStore store, long sliceSize = ChainCheck.DefaultSliceSize)
{
    public const long DefaultSliceSize = 100_000;

    /// <param name="to">Last position (inclusive); null = the head.</param>
    /// <param name="expected">A digest kept earlier, or null.</param>
    public async Task<(VerifyResult Result, ChainHead Head)> Run(long from, long? to, ChainHead? expected,
        Func<WorkProgress, Task> progress, CancellationToken ct)
    {
        var head = await store.Head(ct);
        var end = Math.Min(to ?? head.Position, head.Position);
        if (from > end)
        {
            // Nothing to recompute, but the head row and a kept digest beyond the head must still be checked, which
            // the store does only for a range that starts at most just past the head.
            return (await store.Verify(Math.Min(from, head.Position + 1), to, expected, ct), head);
        }

        for (var start = from; ; start += sliceSize)
        {
            var sliceEnd = Math.Min(start + sliceSize - 1, end);
            var last = sliceEnd == end;
            // The digest goes to the slice holding its position; one beyond the head goes to the last slice, where
            // the store reports the missing tail.
            var digest = expected is not null && (Covers(start, sliceEnd, expected.Position) || (last && expected.Position > sliceEnd))
                ? expected
                : null;
            // The last slice runs to the head itself when no end was asked, so the head row is checked too.
            var result = await store.Verify(start, last && to is null ? null : sliceEnd, digest, ct);
            await progress(new WorkProgress("verifying", sliceEnd - from + 1, end - from + 1));
            if (!result.Ok || last)
                return (result, head);
        }
    }

    private static bool Covers(long start, long end, long position) => position >= start && position <= end;
}
