using Grants.Domain;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.Concurrency;

/// <summary>A 严重违法失信 flag lands on the applicant's stream while approvals land on application streams, so no
/// stream version stands between them: the approvals' FOR SHARE lock on the beneficiary's standing row does.</summary>
public sealed class CreditFlagRaceTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private const int Rounds = 3;
    private const int Approvals = 16;
    private const int Clerks = 4;
    private static readonly Money Award = Lines.Yuan(100_000);
    private static readonly DateOnly FlaggedOn = new(2025, 3, 9);

    [Fact]
    public async Task Given_approvals_decided_before_a_flag_When_they_append_while_the_flag_does_Then_none_is_approved_after_the_flag_in_the_global_order()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        await desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(10_000_000));
        for (var round = 0; round < Rounds; round++)
            await FlagAmongApprovals(desk, round);

        var history = await History.All(world.Store);
        StandingAssert.NothingGrantedWhileFlagged(history);
        Assert.Equal(Rounds, history.Count(e => e.Data is ApplicantCreditFlagged));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    /// <summary>One applicant, sixteen assessed applications, four clerks approving them while the registry's flag arrives.</summary>
    private static async Task FlagAmongApprovals(CommandDesk desk, int round)
    {
        var applicant = new ApplicantId($"ent-round-{round}");
        await desk.RegisterEnterprise(applicant, 500 + round);
        var applications = Enumerable.Range(1 + (round * Approvals), Approvals).Select(Filing.ApplicationNo).ToList();
        foreach (var id in applications)
            await desk.SubmitConfirmAssess(id, applicant, Lines.Art1, Award);

        // The flag sets off once a share of the approvals has passed the decider's credit check, a different share
        // each round: those are past the domain and only the database can still stop them.
        var flagAfter = (round + 1) * Approvals / (Rounds + 1);
        var decided = 0;
        var flagGo = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task Decided()
        {
            if (Interlocked.Increment(ref decided) == flagAfter)
                flagGo.SetResult();
            return Task.CompletedTask;
        }

        var flag = new FlagCredit(applicant, $"CR-2025-{round}", "列入严重失信主体名单", FlaggedOn);
        // Four clerks each approve their share one after another, so decisions and appends are spread out in
        // time and the flag lands among them rather than before or after all of them.
        var approvalOutcomes = new Exception?[Approvals];
        var contenders = applications.Chunk(Approvals / Clerks).Select((share, clerk) => (Func<Task>)(async () =>
            {
                for (var i = 0; i < share.Length; i++)
                {
                    var id = share[i];
                    approvalOutcomes[(clerk * share.Length) + i] = await Race.Outcome(() => desk.File(Filing.Approval(id, Award), Decided));
                }
            }))
            .Append(async () =>
            {
                await flagGo.Task;
                await desk.File(flag);
            })
            .ToList();
        var outcomes = await Race.Run(contenders);

        Assert.All(outcomes, Assert.Null);
        Assert.All(approvalOutcomes.Where(o => o is not null), refusal => Assert.Equal(
            ErrorCodes.ApplicantCreditFlagged,
            refusal is LedgerRefusedException ledger ? ledger.Error.Code : Assert.IsType<CommandRefusedException>(refusal).Error.Code));
    }

    [Fact]
    public async Task Given_an_approval_and_a_tranche_decided_before_a_flag_When_appended_after_it_Then_the_database_refuses_both_until_cleared()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        var applicant = new ApplicantId("ent-flagged");
        var (paid, pending) = (Filing.ApplicationNo(1), Filing.ApplicationNo(2));
        await desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(1_000_000));
        await desk.RegisterEnterprise(applicant, 600);
        await desk.SubmitConfirmAssess(paid, applicant, Lines.Art1, Award);
        await desk.SubmitConfirmAssess(pending, applicant, Lines.Art1, Award);
        await desk.File(Filing.Approval(paid, Award));
        var flag = new FlagCredit(applicant, "CR-2025-0042", "列入严重失信主体名单", FlaggedOn);
        var tranche = new InstructTranche(paid, 1, Award, Parties.CompanyName(600), "6222 0210 0100 0000 001", Filing.ApprovedOn.AddDays(1));

        // Both are decided while the applicant is in good standing; the flag commits before either appends.
        Exception? instruction = null;
        var approval = await Race.Outcome(() => desk.File(Filing.Approval(pending, Award), async () =>
            instruction = await Race.Outcome(() => desk.File(tranche, () => desk.File(flag)))));

        foreach (var (refusal, action) in new[] { (approval, "approved"), (instruction, "paid") })
        {
            var error = Assert.IsType<LedgerRefusedException>(refusal).Error;
            Assert.Equal(LedgerErrorCodes.ApplicantFlagged, error.Code);
            Assert.EndsWith($"(registry reference CR-2025-0042): nothing may be {action}", error.Message, StringComparison.Ordinal);
        }

        Assert.IsType<ApplicantCreditFlagged>((await History.All(world.Store))[^1].Data);
        await desk.File(new ClearCredit(applicant, "CR-2025-0042", "信用修复", FlaggedOn.AddDays(1)));
        await desk.File(Filing.Approval(pending, Award));
        await desk.File(tranche with { InstructedOn = FlaggedOn.AddDays(2) });
        var history = await History.All(world.Store);
        StandingAssert.NothingGrantedWhileFlagged(history);
        Assert.Equal(2, history.Count(e => e.EventType == AwardApproved.Name));
        Assert.Single(history, e => e.EventType == TrancheInstructed.Name);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
