using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.GroupCommit;

/// <summary>A rush on one budget line (art.1, FY2025): enterprises' applications assessed beforehand, then approved
/// together in one group-commit batch, behind a blocker's batch held at the chain head.</summary>
internal static class OneLineRush
{
    public static ApplicantId Enterprise(int i) => new($"ent-{i + 1}");

    public static async Task<List<ApplicationId>> Assessed(LedgerDatabase world, int count, Money amount)
    {
        var applications = Enumerable.Range(1, count).Select(Filing.ApplicationNo).ToList();
        for (var i = 0; i < count; i++)
        {
            await world.Desk.RegisterEnterprise(Enterprise(i), i + 1);
            await world.Desk.SubmitConfirmAssess(applications[i], Enterprise(i), Lines.Art1, amount);
        }
        return applications;
    }

    /// <summary>A gate holding an approval of each application, in order; other commands may join it.</summary>
    public static BatchGate Approvals(LedgerDatabase world, IEnumerable<ApplicationId> applications, Money amount)
    {
        var gate = new BatchGate();
        foreach (var id in applications)
            gate.Add(then => world.Desk.File(Filing.Approval(id, amount), then));
        return gate;
    }

    public static Task Blocker(LedgerDatabase world) => world.Desk.RegisterEnterprise(new ApplicantId("blocker"), 999);

    /// <summary>Runs the gate's commands as one batch.</summary>
    public static Task<Exception?[]> Run(this BatchGate gate, LedgerDatabase world) => gate.Run(world.Db, () => Blocker(world));
}
