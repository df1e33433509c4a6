using Grants.Domain;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.Standing;

/// <summary>One person nominated by two employers is two registrations but one beneficiary: a flag on either keeps the
/// person flagged in the database until both are cleared, whatever each registration's own stream says.</summary>
public sealed class FlagsAcrossRegistrationsTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly DateOnly FlaggedOn = new(2025, 3, 9);

    [Fact]
    public async Task Given_a_person_flagged_through_two_employers_When_one_flag_is_cleared_Then_approvals_stay_refused_until_both_are()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        var person = Parties.Person(7001);
        var (viaA, viaB) = (new ApplicantId("talent-via-a"), new ApplicantId("talent-via-b"));
        var application = Filing.ApplicationNo(1);
        await desk.Appropriate(Lines.Art18Fy2025, Lines.Yuan(1_000_000));
        await desk.RegisterPerson(viaA, person, employer: 701);
        await desk.RegisterPerson(viaB, person, employer: 702);
        await desk.SubmitConfirmAssess(application, viaA, Lines.Art18, Lines.Yuan(100_000));
        await desk.File(new FlagCredit(viaA, "CR-A", "列入严重失信主体名单", FlaggedOn));
        await desk.File(new FlagCredit(viaB, "CR-B", "列入严重失信主体名单", FlaggedOn));

        await desk.File(new ClearCredit(viaA, "CR-A", "信用修复", FlaggedOn.AddDays(1)));
        var refusal = await Race.Outcome(() => desk.File(Filing.Approval(application, Lines.Yuan(100_000))));

        Assert.Equal(LedgerErrorCodes.ApplicantFlagged, Assert.IsType<LedgerRefusedException>(refusal).Error.Code);

        await desk.File(new ClearCredit(viaB, "CR-B", "信用修复", FlaggedOn.AddDays(1)));
        await desk.File(Filing.Approval(application, Lines.Yuan(100_000)));
        StandingAssert.NothingGrantedWhileFlagged(await History.All(world.Store));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
