using Grants.Api.Commands;
using Grants.Api.Tests.Infrastructure;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Budgets;
using Grants.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>Commands through the server's own command path (CommandRunner: load, decide with the real deciders,
/// append with the inline ledgers and applications projection), so the audit tests write exactly what the services
/// write, without depending on request shapes the audit is not about.</summary>
internal sealed class AuditDesk(GrantsServer server)
{
    private readonly CommandRunner _runner = server.App.Services.GetRequiredService<CommandRunner>();
    private readonly CatalogState _catalog = server.App.Services.GetRequiredService<CatalogState>();

    public PostgresEventStore Store => _runner.Store;

    public async Task<ApplicantState> File(IApplicantCommand command) =>
        (await _runner.Run(Streams.Applicant(command.ApplicantId), s => Task.FromResult(ApplicantDecider.Decide(command, s)),
            Metadata(), null, CancellationToken.None)).State;

    public async Task<BudgetState> File(IBudgetCommand command)
    {
        var catalog = await _catalog.Current(CancellationToken.None);
        return (await _runner.Run(Streams.Budget(command.Budget), s => Task.FromResult(BudgetDecider.Decide(command, s, catalog)),
            Metadata(), null, CancellationToken.None)).State;
    }

    public async Task<ApplicationState> File(IApplicationCommand command) =>
        (await _runner.Run(Streams.Application(command.ApplicationId),
            async s => ApplicationDecider.Decide(command, s, await ContextFor(command, s)), Metadata(), null, CancellationToken.None)).State;

    private async Task<ApplicationContext> ContextFor(IApplicationCommand command, ApplicationState state)
    {
        var applicantId = command is SubmitApplication submit ? submit.ApplicantId : state.ApplicantId;
        var applicant = applicantId is null
            ? ApplicantState.Initial
            : (await _runner.Loader.Load(applicantId.StreamId, ApplicantState.Initial, ApplicantDecider.Evolve, CancellationToken.None)).State;
        var against = command is OffsetClawback offset
            ? (await _runner.Loader.Load(offset.AgainstApplication.StreamId, ApplicationState.Initial, ApplicationDecider.Evolve,
                CancellationToken.None)).State
            : null;
        return new ApplicationContext(await _catalog.Current(CancellationToken.None), applicant) { OffsetAgainst = against };
    }

    private static EventMetadata Metadata() => new("test:audit-desk", Guid.NewGuid().ToString("N"));
}
