using System.Collections.Concurrent;
using System.Diagnostics;
using Grants.EventStore.Tests.Support;
using Grants.Testing;
using Npgsql;

namespace Grants.EventStore.Tests.Reading;

public sealed class FollowUnderConcurrentWritersTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Writers = 8;
    private const int MaxAppendsPerWriter = 250;
    private static readonly TimeSpan WritingTime = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task GivenEightWritersSomeRollingBack_WhenAReaderFollows_ThenItSeesEveryCommittedEventOnceInDenseOrderAndNoRolledBackOne()
    {
        var store = TestTypes.Store(db.DataSource, null, new RefuseDoomedOddTicks());
        var start = (await store.Head()).Position;
        var committed = new ConcurrentDictionary<long, StoredEvent>();
        var rolledBack = 0;
        var unexpected = new ConcurrentBag<Exception>();
        var refuseDoomedEvenTicks = new AppendOptions((_, _, events, _) =>
            events.Any(e => e.Data is WriterTick { Doomed: true, Sequence: var s } && s % 2 == 0)
                ? throw new InvalidOperationException("refused on purpose")
                : ValueTask.CompletedTask);

        using var stopFollowing = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<StoredEvent>();
        var follower = Task.Run(async () =>
        {
            await foreach (var e in store.Follow(start, stopFollowing.Token))
                lock (seen)
                    seen.Add(e);
        });

        async Task Writer(int writer)
        {
            var stream = $"writer-{writer}-{Guid.NewGuid()}";
            var clock = Stopwatch.StartNew();
            for (var sequence = 0; sequence < MaxAppendsPerWriter && clock.Elapsed < WritingTime; sequence++)
            {
                var doomed = sequence % 5 == 3;
                var events = Enumerable.Range(0, 1 + sequence % 3).Select(_ => (object)new WriterTick(writer, sequence, doomed)).ToList();
                try
                {
                    var result = await store.Append([new StreamAppend(stream, "writer", ExpectedVersion.Any, events)],
                        TestTypes.Metadata($"w{writer}-{sequence}"), refuseDoomedEvenTicks);
                    foreach (var e in result.Events)
                        committed[e.Position] = e;
                }
                catch (InvalidOperationException) when (doomed)
                {
                    Interlocked.Increment(ref rolledBack);
                }
                catch (Exception other)
                {
                    unexpected.Add(other);
                    return;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => Writer(w))));
        var last = committed.Keys.Max();
        await Eventually.Until(() => Task.FromResult(Count(seen) > 0 && Last(seen).Position >= last), TimeSpan.FromSeconds(20),
            $"the follower reaches the last committed position {last}");
        await stopFollowing.CancelAsync();
        await follower;

        Assert.Empty(unexpected);
        Assert.True(rolledBack > 0);
        Assert.Equal(Enumerable.Range(1, seen.Count).Select(i => start + i), seen.Select(e => e.Position));
        Assert.DoesNotContain(seen, e => e.Data is WriterTick { Doomed: true });
        Assert.Equal(committed.Keys.Order(), seen.Select(e => e.Position));
        Assert.All(seen, e => Assert.Equal(committed[e.Position].Hash, e.Hash));
        var all = await store.ReadAll(start, int.MaxValue);
        Assert.Equal(all.Select(e => (e.Position, e.Data)), seen.Select(e => (e.Position, e.Data)));
    }

    private static int Count(List<StoredEvent> seen)
    {
        lock (seen)
            return seen.Count;
    }

    private static StoredEvent Last(List<StoredEvent> seen)
    {
        lock (seen)
            return seen[^1];
    }

    private sealed class RefuseDoomedOddTicks : IInlineProjection
    {
        public ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct) =>
            events.Any(e => e.Data is WriterTick { Doomed: true, Sequence: var s } && s % 2 == 1)
                ? throw new InvalidOperationException("refused on purpose")
                : ValueTask.CompletedTask;
    }
}
