using Grants.Api.Tests.Audit.Support;
using Grants.Contracts.V1;
using Grants.Testing;

namespace Grants.Api.Tests.Audit;

/// <summary>What the in-memory rebuild finds when the live tables or the history were altered behind the store's
/// back, and the shadow schema it can leave behind for inspection.</summary>
public sealed class RebuildFindingsTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenAnApplicationUpdatedAndAnAwardDeletedWithSql_WhenRebuildCompareRuns_ThenEachIsNamedByTableKeyAndColumn()
    {
        await using var world = await TamperWorld.Start(databases);
        var changed = await world.Scalar<string>("select min(application_id) from grants.applications where lifecycle <> 'closed'");
        var deleted = await world.Scalar<string>("select max(application_id) from grants.awards");

        await world.Sql($"""
            update grants.applications set lifecycle = 'closed' where application_id = '{changed}';
            delete from grants.awards where application_id = '{deleted}'
            """);
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        Assert.False(result.Identical);
        var lifecycle = Assert.Single(result.Differences, d => (d.Table, d.Key, d.Column) == ("applications", changed, "lifecycle"));
        Assert.Equal(("shadow", "\"closed\""), (lifecycle.Source, lifecycle.Live));
        Assert.NotEqual("\"closed\"", lifecycle.Rebuilt);
        var award = Assert.Single(result.Differences, d => (d.Table, d.Key) == ("awards", deleted));
        Assert.Equal(("shadow", "", ""), (award.Source, award.Column, award.Live));
        Assert.Contains($"\"application_id\":\"{deleted}\"", award.Rebuilt, StringComparison.Ordinal);
        Assert.All(result.Differences, d => Assert.Contains(d.Table, new[] { "applications", "awards" }));
    }

    [Fact]
    public async Task GivenAForgedApprovalBeyondTheAppropriation_WhenRebuildCompareRuns_ThenTheRefusalIsTheOneFindingAtItsPosition()
    {
        await using var world = await TamperWorld.Start(databases);
        var head = await world.Scalar<long>("select position from grants.event_head");

        // A copy of the first approval, for a sum no appropriation holds, appended at the head as if by the store.
        await world.Tamper($$"""
            insert into grants.events (position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash)
            select {{head + 1}}, stream_id, stream_type, version + 1000, type,
                   jsonb_set(jsonb_set(data, '{amount}', '99999999999999'), '{application_id}', '"HP-2025-999999"'),
                   metadata, recorded_at, hash, hash
              from grants.events where position = (select min(position) from grants.events where type = 'award_approved.v1');
            update grants.event_head set position = {{head + 1}}
            """);
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        var refusal = Assert.Single(result.Differences);
        Assert.Equal(("replay", "events", (head + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (refusal.Source, refusal.Table, refusal.Key));
        Assert.StartsWith($"award_approved.v1 at position {head + 1} refused by the projections: ", refusal.Rebuilt, StringComparison.Ordinal);
        Assert.Contains("appropriation", refusal.Rebuilt, StringComparison.Ordinal);
        Assert.Equal((1L, head), (result.DifferenceCount, result.EventsReplayed));
    }

    [Fact]
    public async Task GivenABodyAlteredIntoAFraction_WhenRebuildCompareRuns_ThenTheUnreadableEventIsTheOneFindingAtItsPosition()
    {
        await using var world = await TamperWorld.Start(databases);
        var approval = await world.Scalar<long>("select min(position) from grants.events where type = 'award_approved.v1'");

        await world.Tamper($"update grants.events set data = jsonb_set(data, '{{amount}}', '1.5') where position = {approval}");
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        var unreadable = Assert.Single(result.Differences);
        Assert.Equal(("replay", "events", approval.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            (unreadable.Source, unreadable.Table, unreadable.Key));
        Assert.StartsWith($"award_approved.v1 at position {approval} cannot be read: ", unreadable.Rebuilt, StringComparison.Ordinal);
        Assert.Equal((1L, approval - 1), (result.DifferenceCount, result.EventsReplayed));
    }

    [Fact]
    public async Task GivenANoteWhoseApplicationIsANumber_WhenRebuildCompareRuns_ThenTheEventCannotBeProjectedAsTheNotesWriterWouldFail()
    {
        await using var world = await TamperWorld.Start(databases);
        var noted = await world.Scalar<long>("select min(position) from grants.events where stream_id like 'application-%'");

        await world.Tamper($$"""update grants.events set metadata = jsonb_set(metadata, '{note}', '{"application_id": 7}') where position = {{noted}}""");
        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest());

        var refusal = Assert.Single(result.Differences);
        Assert.Equal(("replay", noted.ToString(System.Globalization.CultureInfo.InvariantCulture)), (refusal.Source, refusal.Key));
        Assert.Contains($"at position {noted} cannot be projected: InvalidOperationException", refusal.Rebuilt, StringComparison.Ordinal);
        Assert.Equal(noted - 1, result.EventsReplayed);
    }

    [Fact]
    public async Task GivenKeepShadow_WhenRebuildCompareRuns_ThenTheShadowSchemaIsKeptWithEveryRebuiltRow()
    {
        await using var world = await TamperWorld.Start(databases);

        var (_, result) = await Rebuild.Run(world.Auditor, new RebuildCompareRequest { KeepShadow = true });

        Assert.True(result.Identical, string.Join("\n", result.Differences));
        Assert.Matches("^grants_shadow_[0-9]{14}_[0-9a-f]{4}$", result.ShadowDatabase);
        foreach (var table in new[] { "applications", "awards", "budget_ledgers", "finance_instructions" })
        {
            Assert.Equal(await world.Scalar<long>($"select count(*) from grants.{table}"),
                await world.Scalar<long>($"select count(*) from {result.ShadowDatabase}.{table}"));
        }
        await world.Sql($"drop schema {result.ShadowDatabase} cascade");
    }
}
