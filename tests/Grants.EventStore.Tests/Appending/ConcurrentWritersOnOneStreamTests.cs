using System.Collections.Concurrent;
using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.Appending;

public sealed class ConcurrentWritersOnOneStreamTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    private const int Writers = 16;
    private const int AppendsPerWriter = 6;
    private const int MaxAttempts = 40;

    [Fact]
    public async Task GivenSixteenWritersOnOneStream_WhenEachAppendsWithTheVersionItRead_ThenEveryAppendCommitsTheNextVersionOrLosesWithConcurrencyException()
    {
        var store = TestTypes.Store(db.DataSource);
        var stream = "award-" + Guid.NewGuid();
        var committed = new ConcurrentDictionary<long, WriterTick>();
        var conflicts = 0;
        var unexpected = new ConcurrentBag<Exception>();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async Task Writer(int writer)
        {
            await go.Task;
            for (var sequence = 0; sequence < AppendsPerWriter; sequence++)
            {
                for (var attempt = 0; attempt < MaxAttempts; attempt++)
                {
                    var tick = new WriterTick(writer, sequence, Doomed: false);
                    var version = await store.StreamVersion(stream);
                    try
                    {
                        var result = await store.Append(new StreamAppend(stream, "award", version, [tick]), TestTypes.Metadata());
                        if (result.StreamVersions[stream] != version + 1 || !committed.TryAdd(version + 1, tick))
                            unexpected.Add(new InvalidOperationException($"Writer {writer} committed version {result.StreamVersions[stream]} after reading {version}."));
                        break;
                    }
                    catch (ConcurrencyException conflict) when (conflict.StreamId == stream && conflict.ExpectedVersion == version)
                    {
                        Interlocked.Increment(ref conflicts);
                    }
                    catch (Exception other)
                    {
                        unexpected.Add(other);
                        return;
                    }
                }
            }
        }

        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(() => Writer(w))).ToArray();
        go.SetResult();
        await Task.WhenAll(writers);

        Assert.Empty(unexpected);
        Assert.True(conflicts > 0, "sixteen simultaneous writers should have collided at least once");
        var stored = await store.ReadStream(stream).ToListAsync();
        Assert.Equal(Enumerable.Range(1, committed.Count).Select(v => (long)v), stored.Select(e => e.Version));
        Assert.All(stored, e => Assert.Equal(committed[e.Version], e.Data));
        Assert.Equal(committed.Count, await store.StreamVersion(stream));
    }
}
