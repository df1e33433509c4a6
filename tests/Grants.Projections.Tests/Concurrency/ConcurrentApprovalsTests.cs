using Grants.Domain;
using Grants.Domain.Applications.Approving;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.Concurrency;

/// <summary>Issue 3 acceptance: 64 approvals of 300,000 yuan race for one 10,000,000-yuan appropriation. The budget
/// row's conditional update is the only thing between them and an overspend.</summary>
public sealed class ConcurrentApprovalsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Racers = 64;
    private static readonly Money Award = Lines.Yuan(300_000);

    [Fact]
    public async Task Given_64_assessed_applications_and_10_million_yuan_When_all_are_approved_at_once_for_300000_yuan_Then_exactly_33_succeed()
    {
        var world = await LedgerDatabase.Create(fixture);
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
        Assert.All(refusals, r =>
        {
            Assert.Equal(LedgerErrorCodes.AppropriationExceeded, r.Error.Code);
            Assert.Equal("HP-IPO FY2025 HP-2024-3 art.1 appropriation 10,000,000.00 yuan: already committed or paid 9,900,000.00, " +
                         "requested 300,000.00, headroom 100,000.00", r.Error.Message);
            Assert.Equal(Lines.Yuan(100_000), r.Error.Limit!.Headroom);
        });

        var line = await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025);
        Assert.Equal(new Money(990_000_000), line.Committed);
        Assert.Equal(Lines.Yuan(10_000_000), line.Appropriated);

        var history = await History.All(world.Store);
        var approved = history.Where(e => e.EventType == AwardApproved.Name).ToList();
        Assert.Equal(33, approved.Count);
        Assert.Equal(990_000_000, approved.Sum(e => ((AwardApproved)e.Data).Amount.Fen));
        Assert.Equal(33, (await SqlLedgers.Awards(world.Db)).Count);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
