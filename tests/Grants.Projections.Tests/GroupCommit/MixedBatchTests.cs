using Grants.Domain;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>A batch of approvals and payment instructions, as a working day mixes them: the instructions write their
/// finance rows at once, so the approvals are decided ahead, pipelined, and the instructions go one by one after them,
/// in the same transaction, seeing the approvals' late writes.</summary>
public sealed class MixedBatchTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly Money Award = Lines.Yuan(500_000);

    [Fact]
    public async Task Given_approvals_and_instructions_in_one_batch_When_it_commits_Then_the_approvals_go_ahead_and_everything_equals_the_replay()
    {
        var world = await LedgerDatabase.Create(fixture);
        await using var committer = world.GroupCommitted();
        var desk = world.Desk;
        await desk.Appropriate(Lines.Art1Fy2025, Lines.Yuan(10_000_000));
        var applications = Enumerable.Range(1, 6).Select(Filing.ApplicationNo).ToList();
        for (var i = 0; i < applications.Count; i++)
        {
            await desk.RegisterEnterprise(new ApplicantId($"ent-{i + 1}"), 600 + i);
            await desk.SubmitConfirmAssess(applications[i], new ApplicantId($"ent-{i + 1}"), Lines.Art1, Award);
        }
        foreach (var paid in applications.Take(2))
            await desk.File(Filing.Approval(paid, Award));
        var before = committer.Counts;

        var gate = new BatchGate();
        gate.Add(then => desk.File(Filing.Approval(applications[2], Award), then));
        gate.Add(then => desk.File(Instruction(applications[0], 600), then));
        gate.Add(then => desk.File(Filing.Approval(applications[3], Award), then));
        gate.Add(then => desk.File(Filing.Approval(applications[4], Award), then));
        gate.Add(then => desk.File(Instruction(applications[1], 601), then));
        gate.Add(then => desk.File(Filing.Approval(applications[5], Award), then));
        var outcomes = await gate.Run(world.Db, () => desk.RegisterEnterprise(new ApplicantId("blocker"), 999));

        Assert.All(outcomes, Assert.Null);
        var batch = (await History.All(world.Store)).SkipWhile(e => e.Data is not AwardApproved { ApplicationId: var id } || id != applications[2]).ToList();
        Assert.Equal([.. Enumerable.Repeat(AwardApproved.Name, 4), TrancheInstructed.Name, TrancheInstructed.Name],
            batch.Select(e => e.EventType));
        await committer.DisposeAsync();
        Assert.Equal((before.Batches + 2, before.Pipelined + 2), committer.Counts);
        Assert.Equal(Lines.Yuan(3_000_000), (await SqlLedgers.Budget(world.Db, Lines.Art1Fy2025)).Committed);
        Assert.True((await world.Store.Verify()).Ok);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }

    private static InstructTranche Instruction(ApplicationId id, int payee) =>
        new(id, 1, Award, Parties.CompanyName(payee), "6222 0210 0100 0000 001", Filing.ApprovedOn.AddDays(1));
}
