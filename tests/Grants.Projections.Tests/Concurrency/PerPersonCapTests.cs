using Grants.Domain;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Ledgers;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.Concurrency;

/// <summary>Issue 3 acceptance: art.18 (每人不超过 100 万元) counts every award to one person, whichever employer
/// nominated them. Twenty registrations of one person race for 100,000-yuan awards; the beneficiary row, keyed by the
/// hash of the ID number, lets exactly ten through.</summary>
public sealed class PerPersonCapTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Employers = 20;
    private static readonly Money Award = Lines.Yuan(100_000);

    /// <param name="groupCommit">Through the group committer as the server wires it: the racers share batches, tried
    /// pipelined first; once the cap is reached, a batch's refusals send it one by one.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Given_one_person_nominated_by_20_employers_When_20_awards_of_100000_yuan_race_Then_exactly_10_succeed_and_the_rest_name_the_cap(bool groupCommit)
    {
        var world = await LedgerDatabase.Create(fixture);
        await using var committer = groupCommit ? world.GroupCommitted(writers: 2) : null;
        var desk = world.Desk;
        var person = Parties.Person(7);
        await desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(5_000_000));
        var applications = Enumerable.Range(1, Employers).Select(Filing.ApplicationNo).ToList();
        await Task.WhenAll(applications.Select(async (id, i) =>
        {
            var registration = new ApplicantId($"talent-via-employer-{i + 1}");
            await desk.RegisterPerson(registration, person, employer: 100 + i);
            await desk.SubmitConfirmAssess(id, registration, Lines.Art18, Award);
        }));

        var outcomes = await Race.Run(applications.Select(id => (Func<Task>)(() => desk.File(Filing.Approval(id, Award)))));

        Assert.Equal(10, outcomes.Count(o => o is null));
        var refusals = outcomes.OfType<LedgerRefusedException>().ToList();
        Assert.Equal(10, refusals.Count);
        Assert.All(refusals, r =>
        {
            Assert.Equal(LedgerErrorCodes.CumulativeCapExceeded, r.Error.Code);
            Assert.Equal("HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 1,000,000.00, requested 100,000.00, headroom 0.00",
                r.Error.Message);
        });

        var book = await SqlLedgers.Book(world.Db);
        var ledger = book.Beneficiary(new BeneficiaryKey(Lines.Art18, person.Hmac));
        Assert.Equal(new BeneficiaryLedger(Lines.Yuan(1_000_000), Money.Zero, Lines.Yuan(1_000_000)), ledger);
        Assert.Single(book.Beneficiaries);
        Assert.Equal(Lines.Yuan(1_000_000), book.Budget(Lines.Art18Fy2025).Committed);
        Assert.Equal(10, (await History.All(world.Store)).Count(e => e.EventType == AwardApproved.Name));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
