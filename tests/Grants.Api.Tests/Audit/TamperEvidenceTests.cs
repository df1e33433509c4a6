using System.Text;
using Grants.Api.Services.Audit;
using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grants.EventStore;
using Grants.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Api.Tests.Audit;

public sealed class TamperEvidenceTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenAnUntouchedHistory_WhenVerifiedWholeAndAgainstItsDigest_ThenOkThroughTheHead()
    {
        await using var world = await TamperWorld.Start(databases);
        var digest = await world.Auditor.GetDigestAsync(new GetDigestRequest());

        var whole = await world.Verify(new VerifyRequest());
        var kept = await world.Verify(new VerifyRequest { Digest = new Digest { Position = digest.Position, Hash = digest.Hash } });

        Assert.True(digest.Position > 50, $"head {digest.Position}");
        Assert.Matches("^[0-9a-f]{64}$", digest.Hash);
        Assert.NotNull(digest.RecordedAt);
        Assert.Equal((true, digest.Position, 0L, ""), (whole.Ok, whole.CheckedThrough, whole.FirstBadPosition, whole.Problem));
        Assert.Equal((true, digest.Position), (kept.Ok, kept.CheckedThrough));
        Assert.Equal(digest.Hash, whole.Head.Hash);
    }

    [Fact]
    public async Task GivenAnEventChangedWithSql_WhenVerified_ThenItsPositionIsReportedAndADigestTakenBeforeFails()
    {
        await using var world = await TamperWorld.Start(databases);
        var before = await world.Auditor.GetDigestAsync(new GetDigestRequest());
        var approval = await world.Scalar<long>("select min(position) from grants.events where type = 'award_approved.v1'");

        await world.Tamper($"update grants.events set data = jsonb_set(data, '{{amount}}', '1') where position = {approval}");
        var plain = await world.Verify(new VerifyRequest());
        var withDigest = await world.Verify(new VerifyRequest { Digest = new Digest { Position = before.Position, Hash = before.Hash } });

        Assert.Equal((false, approval, approval - 1), (plain.Ok, plain.FirstBadPosition, plain.CheckedThrough));
        Assert.Contains("content was changed", plain.Problem, StringComparison.Ordinal);
        Assert.Equal((false, approval), (withDigest.Ok, withDigest.FirstBadPosition));
    }

    [Fact]
    public async Task GivenAForgerWhoRecomputedEveryHashAfterAnEdit_WhenVerifiedAgainstAnEarlierDigest_ThenItFailsAtTheDigest()
    {
        await using var world = await TamperWorld.Start(databases);
        var before = await world.Auditor.GetDigestAsync(new GetDigestRequest());
        var approval = await world.Scalar<long>("select min(position) from grants.events where type = 'award_approved.v1'");

        await world.Tamper($"update grants.events set data = jsonb_set(data, '{{amount}}', '1') where position = {approval}");
        await RecomputeChain(world);
        var plain = await world.Verify(new VerifyRequest());
        var withDigest = await world.Verify(new VerifyRequest { Digest = new Digest { Position = before.Position, Hash = before.Hash } });

        Assert.True(plain.Ok, "a self-consistent forgery passes a plain verification; that is why auditors keep digests");
        Assert.Equal((false, before.Position), (withDigest.Ok, withDigest.FirstBadPosition));
        Assert.Contains("digest", withDigest.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnEventDeletedWithSql_WhenVerified_ThenTheMissingPositionIsReported()
    {
        await using var world = await TamperWorld.Start(databases);

        await world.Tamper("delete from grants.events where position = 40");
        var result = await world.Verify(new VerifyRequest());

        Assert.Equal((false, 40L), (result.Ok, result.FirstBadPosition));
        Assert.Contains("missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenTheNewestEventsRemovedAndTheHeadMovedBack_WhenVerifiedAgainstAnEarlierDigest_ThenTheCutIsReported()
    {
        await using var world = await TamperWorld.Start(databases);
        var before = await world.Auditor.GetDigestAsync(new GetDigestRequest());
        var keep = before.Position - 5;

        await world.Tamper($"""
            delete from grants.events where position > {keep};
            update grants.event_head set position = {keep}, hash = (select hash from grants.events where position = {keep})
            """);
        var plain = await world.Verify(new VerifyRequest());
        var withDigest = await world.Verify(new VerifyRequest { Digest = new Digest { Position = before.Position, Hash = before.Hash } });

        var fromBeyondTheHead = await world.Verify(new VerifyRequest
        {
            FromPosition = keep + 3, Digest = new Digest { Position = before.Position, Hash = before.Hash },
        });

        Assert.True(plain.Ok, "a clean cut at the end is consistent in itself");
        Assert.Equal((false, keep + 1), (withDigest.Ok, withDigest.FirstBadPosition));
        Assert.Contains("removed", withDigest.Problem, StringComparison.Ordinal);
        Assert.Equal((false, keep + 1), (fromBeyondTheHead.Ok, fromBeyondTheHead.FirstBadPosition));
    }

    [Fact]
    public async Task GivenABodyAlteredIntoAFraction_WhenStreamedAndVerified_ThenTheRowStillArrivesAndVerifyNamesIt()
    {
        await using var world = await TamperWorld.Start(databases);
        var approval = await world.Scalar<long>("select min(position) from grants.events where type = 'award_approved.v1'");

        await world.Tamper($"update grants.events set data = jsonb_set(data, '{{amount}}', '1.5') where position = {approval}");
        var streamed = await Events.All(world.Auditor, new StreamEventsRequest());
        var result = await world.Verify(new VerifyRequest());

        var altered = Assert.Single(streamed, e => e.Position == approval);
        Assert.Contains("not an integer", altered.CanonicalProblem, StringComparison.Ordinal);
        Assert.Equal(await world.Scalar<long>("select position from grants.event_head"), streamed[^1].Position);
        Assert.Equal((false, approval), (result.Ok, result.FirstBadPosition));
        Assert.Contains("canonical form", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenALongChainVerifiedInSlices_WhenARowInALaterSliceWasChanged_ThenThatRowIsReportedAndProgressWasShown()
    {
        await using var world = await TamperWorld.Start(databases);
        var store = world.Server.App.Services.GetRequiredService<PostgresEventStore>();
        var head = await world.Scalar<long>("select position from grants.event_head");
        var progress = new List<long>();

        var clean = await new ChainCheck(store, sliceSize: 7).Run(1, null, null, p => Record(progress, p.Done), CancellationToken.None);
        await world.Tamper($"update grants.events set metadata = jsonb_set(metadata, '{{actor}}', '\"someone-else\"') where position = {head - 3}");
        var tampered = await new ChainCheck(store, sliceSize: 7).Run(1, null, null, _ => Task.CompletedTask, CancellationToken.None);

        Assert.Equal((true, head), (clean.Result.Ok, clean.Result.CheckedThrough));
        Assert.Equal(head, progress[^1]);
        Assert.True(progress.Count >= head / 7, $"{progress.Count} progress reports");
        Assert.Equal((false, (long?)(head - 3)), (tampered.Result.Ok, tampered.Result.FirstBadPosition));
    }

    [Fact]
    public async Task GivenALedgerRowChangedWithSql_WhenRebuildCompareRuns_ThenTheDifferenceNamesTableKeyAndColumn()
    {
        await using var world = await TamperWorld.Start(databases);
        var line = AuditWorkload.Art1Line;

        await world.Sql($"""
            update grants.budget_ledgers set committed_fen = committed_fen - 1
            where bureau = '{line.Bureau.Value}' and fiscal_year = {line.FiscalYear} and measure_id = '{line.Measure.Value}'
            """);
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        Assert.False(result.Identical);
        var key = $"{line.Bureau.Value}|{line.FiscalYear}|{line.Measure.Value}";
        Assert.Contains(result.Differences, d => (d.Source, d.Table, d.Key, d.Column) == ("shadow", "budget_ledgers", key, "committed_fen"));
        Assert.Contains(result.Differences, d => (d.Source, d.Table, d.Key, d.Column) == ("reference", "budget_ledgers", key, "committed_fen"));
        Assert.Equal(2, result.DifferenceCount);
    }

    [Fact]
    public async Task GivenAnApprovalAlteredSoItsPaymentsNoLongerFit_WhenRebuildCompareRuns_ThenTheRefusedReplayIsTheOneDifference()
    {
        await using var world = await TamperWorld.Start(databases);
        var approval = await world.Scalar<long>("""
            select min(a.position) from grants.events a
             where a.type = 'award_approved.v1'
               and exists (select 1 from grants.events p where p.stream_id = a.stream_id and p.type = 'payment_confirmed.v1')
            """);
        var stream = await world.Scalar<string>($"select stream_id from grants.events where position = {approval}");

        await world.Tamper($"update grants.events set data = jsonb_set(data, '{{amount}}', '1') where position = {approval}");
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        var refusal = Assert.Single(result.Differences);
        var refused = long.Parse(refusal.Key, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("replay", "events"), (refusal.Source, refusal.Table));
        Assert.Equal(stream, await world.Scalar<string>($"select stream_id from grants.events where position = {refused}"));
        Assert.True(refused > approval);
        Assert.Contains("refused by the projections", refusal.Rebuilt, StringComparison.Ordinal);
        Assert.Equal(refused - 1, result.EventsReplayed);
    }

    private static Task Record(List<long> progress, long done)
    {
        progress.Add(done);
        return Task.CompletedTask;
    }

    /// <summary>The careful forger: recompute every hash from the stored rows, exactly as Verify does, and the head.</summary>
    private static async Task RecomputeChain(TamperWorld world)
    {
        var rows = new List<(long Position, byte[] Bytes)>();
        await using (var read = world.Db.CreateCommand(
            "select position, stream_id, stream_type, version, type, data::text, metadata::text, recorded_at from grants.events order by position"))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                rows.Add((reader.GetInt64(0), EventHashing.CanonicalBytes(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                    reader.GetInt64(3), reader.GetString(4), Encoding.UTF8.GetBytes(reader.GetString(5)),
                    Encoding.UTF8.GetBytes(reader.GetString(6)), reader.GetFieldValue<DateTimeOffset>(7))));
        }
        var previous = EventHashing.Genesis.ToArray();
        var sql = new StringBuilder();
        foreach (var (position, bytes) in rows)
        {
            var hash = EventHashing.ChainHash(previous, bytes);
            sql.Append($"update grants.events set prev_hash = '\\x{Convert.ToHexString(previous)}', hash = '\\x{Convert.ToHexString(hash)}' where position = {position};");
            previous = hash;
        }
        sql.Append($"update grants.event_head set hash = '\\x{Convert.ToHexString(previous)}'");
        await world.Tamper(sql.ToString());
    }
}
