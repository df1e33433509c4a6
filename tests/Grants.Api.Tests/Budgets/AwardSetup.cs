using Grants.Api.Commands;
using Grants.Api.Tests.Infrastructure;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Api.Tests.Budgets;

/// <summary>Puts an approved award on the ledgers, so budget tests have something committed. The application RPCs
/// belong to another area, so this drives the same deciders through the server's own command runner and event store:
/// the ledgers move by the real inline projection, exactly as an approval through the API moves them.</summary>
public static class AwardSetup
{
    private static int _sequence = Random.Shared.Next(0, 900_000);

    /// <returns>The application id.</returns>
    public static async Task<string> Approve(GrantsServer server, string applicantId, string measureId, long amountFen,
                                             string approverBureau, DateOnly on)
    {
        var services = server.App.Services;
        var runner = services.GetRequiredService<CommandRunner>();
        var catalog = await services.GetRequiredService<CatalogState>().Current(CancellationToken.None);
        var (applicant, _) = await services.GetRequiredService<StreamLoader>().Load(
            StreamIds.Applicant(ApplicantId.From(applicantId)), ApplicantState.Initial, ApplicantDecider.Evolve, CancellationToken.None);
        var context = new ApplicationContext(catalog, applicant);
        var id = ApplicationId.Format("TS", on.Year, Interlocked.Increment(ref _sequence));
        var amount = new Money(amountFen);

        async Task Run(IApplicationCommand command) => await runner.Run(Streams.Application(id),
            state => Task.FromResult(ApplicationDecider.Decide(command, state, context)),
            new EventMetadata("test-setup", Guid.NewGuid().ToString("N")), null, CancellationToken.None);

        await Run(new SubmitApplication(id, ApplicantId.From(applicantId), new MeasureId(measureId), amount, null, on));
        await Run(new ConfirmEligibility(id, null, on));
        await Run(new AssessApplication(id, OfficialId.From("assessor.li"), 80, amount, new ConflictOfInterestDeclaration(false, null), on));
        await Run(new ApproveAward(id, OfficialId.From("approver.zhao"), new BureauCode(approverBureau), amount, null, on));
        return id.Value;
    }
}
