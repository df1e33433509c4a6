using Grants.Domain;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.Amendments;

/// <summary>An amendment moves the commitment and the beneficiary's total by its signed delta; a cut releases
/// headroom on both (found by the ledger property: cuts used to trip the non-negative CHECKs).</summary>
public sealed class AmendedAwardLedgerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly AmendedOn = Filing.ApprovedOn.AddDays(5);

    [Fact]
    public async Task Given_an_art1_award_of_300000_yuan_When_cut_to_200000_Then_the_budget_line_commits_200000()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        var id = Filing.ApplicationNo(1);
        await desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(1_000_000));
        await desk.RegisterEnterprise(new ApplicantId("ent-1"), 1);
        await desk.SubmitConfirmAssess(id, new ApplicantId("ent-1"), Lines.Art1, Lines.Yuan(300_000));
        await desk.File(Filing.Approval(id, Lines.Yuan(300_000)));

        await desk.File(new AmendAward(id, Filing.Approver, Lines.Ipo, Lines.Yuan(200_000), "复核调减", AmendedOn));

        Assert.Equal(Lines.Yuan(200_000), (await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025)).Committed);
        Assert.Equal(200_000_00, Assert.Single(await SqlLedgers.Awards(world.Db)).CurrentFen);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    [Fact]
    public async Task Given_a_person_at_the_art18_cap_When_one_award_is_cut_by_100000_yuan_Then_another_award_of_100000_fits_again()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        var person = Parties.Person(3);
        var (first, second, third) = (Filing.ApplicationNo(1), Filing.ApplicationNo(2), Filing.ApplicationNo(3));
        await desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(5_000_000));
        for (var employer = 1; employer <= 3; employer++)
            await desk.RegisterPerson(new ApplicantId($"talent-{employer}"), person, employer);
        await desk.SubmitConfirmAssess(first, new ApplicantId("talent-1"), Lines.Art18, Lines.Yuan(600_000));
        await desk.SubmitConfirmAssess(second, new ApplicantId("talent-2"), Lines.Art18, Lines.Yuan(400_000));
        await desk.SubmitConfirmAssess(third, new ApplicantId("talent-3"), Lines.Art18, Lines.Yuan(100_000));
        await desk.File(Filing.Approval(first, Lines.Yuan(600_000)));
        await desk.File(Filing.Approval(second, Lines.Yuan(400_000)));

        await desk.File(new AmendAward(first, Filing.Approver, Lines.Ipo, Lines.Yuan(500_000), "复核调减", AmendedOn));
        await desk.File(Filing.Approval(third, Lines.Yuan(100_000)) with { ApprovedOn = AmendedOn });

        var ledger = (await SqlLedgers.Book(world.Db)).Beneficiary(new BeneficiaryKey(Lines.Art18, person.Hmac));
        Assert.Equal(new BeneficiaryLedger(Lines.Yuan(1_000_000), Money.Zero, Lines.Yuan(1_000_000)), ledger);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
