using Grants.Domain;
using Grants.Domain.Applications.Approving;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Registration;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>Issue 7: the issue-3 race (64 approvals of 300,000 yuan for one 10,000,000-yuan appropriation) with every
/// append going through the group committer, where the racers share batches and savepoints instead of transactions.</summary>
public sealed class GroupCommitApprovalsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Racers = 64;
    private static readonly Money Award = Lines.Yuan(300_000);

    [Fact]
    public async Task Given_group_commit_and_64_assessed_applications_When_all_are_approved_at_once_Then_exactly_33_succeed_and_ledgers_equal_the_replay()
    {
        var world = await LedgerDatabase.Create(fixture);
        await using var committer = new GroupCommitter(world.Db, GrantsEventTypes.Create(), GrantsProjections.Inline(), TimeProvider.System);
        world.Store.UseGroupCommit(committer);
        var desk = world.Desk;
        await desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(10_000_000));
        var applications = Enumerable.Range(1, Racers).Select(Filing.ApplicationNo).ToList();
        await Task.WhenAll(applications.Select(async (id, i) =>
        {
            var applicant = new ApplicantId($"ent-{i + 1}");
            await desk.RegisterEnterprise(applicant, i + 1);
            await desk.SubmitConfirmAssess(id, applicant, Lines.Art1, Award);
        }));

        var outcomes = await Race.Run(applications.Select(id => (Func<Task>)(() => desk.File(Filing.Approval(id, Award)))));

        Assert.Equal(33, outcomes.Count(o => o is null));
        var refusals = outcomes.OfType<LedgerRefusedException>().ToList();
        Assert.Equal(Racers - 33, refusals.Count);
        Assert.All(refusals, r => Assert.Equal(LedgerErrorCodes.AppropriationExceeded, r.Error.Code));
        var line = await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025);
        Assert.Equal(new Money(990_000_000), line.Committed);
        var approved = (await History.All(world.Store)).Where(e => e.EventType == AwardApproved.Name).ToList();
        Assert.Equal(33, approved.Count);
        Assert.Equal(33, (await SqlLedgers.Awards(world.Db)).Count);
        Assert.True((await world.Store.Verify()).Ok);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
