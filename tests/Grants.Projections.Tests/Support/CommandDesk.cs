using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.Projections.Tests.Support;

/// <summary>The tests' command path, like the API's CommandRunner but kept here so these tests need no server: load
/// the stream, decide with the real decider, append at the version that was read (the ledgers run inline in that
/// append). A race test passes <c>beforeAppend</c> to hold a decided command back, so that only the database can
/// refuse what changed in the meantime.</summary>
internal sealed class CommandDesk(PostgresEventStore store, PolicyCatalog catalog)
{
    public PostgresEventStore Store => store;

    public PolicyCatalog Catalog => catalog;

    public Task<Filed<ApplicantState>> File(IApplicantCommand command, Func<Task>? beforeAppend = null) =>
        Run(command.ApplicantId.StreamId, StreamIds.ApplicantType, ApplicantState.Initial, ApplicantDecider.Evolve,
            state => Task.FromResult(ApplicantDecider.Decide(command, state)), beforeAppend);

    public Task<Filed<BudgetState>> File(IBudgetCommand command, Func<Task>? beforeAppend = null) =>
        Run(command.Budget.StreamId, StreamIds.BudgetType, BudgetState.Initial, BudgetDecider.Evolve,
            state => Task.FromResult(BudgetDecider.Decide(command, state, catalog)), beforeAppend);

    public Task<Filed<ApplicationState>> File(IApplicationCommand command, Func<Task>? beforeAppend = null) =>
        Run(command.ApplicationId.StreamId, StreamIds.ApplicationType, ApplicationState.Initial, ApplicationDecider.Evolve,
            async state => ApplicationDecider.Decide(command, state, await ContextFor(command, state)), beforeAppend);

    public async Task<ApplicationState> Application(ApplicationId id) =>
        (await Load(id.StreamId, ApplicationState.Initial, ApplicationDecider.Evolve)).State;

    public async Task<ApplicantState> Applicant(ApplicantId id) =>
        (await Load(id.StreamId, ApplicantState.Initial, ApplicantDecider.Evolve)).State;

    /// <summary>A submission names its applicant; every later command finds it on the application's stream.</summary>
    private async Task<ApplicationContext> ContextFor(IApplicationCommand command, ApplicationState state)
    {
        var applicantId = command is SubmitApplication submit ? submit.ApplicantId : state.ApplicantId;
        var applicant = applicantId is null ? ApplicantState.Initial : await Applicant(applicantId);
        var offsetAgainst = command is OffsetClawback offset ? await Application(offset.AgainstApplication) : null;
        return new ApplicationContext(catalog, applicant) { OffsetAgainst = offsetAgainst };
    }

    private async Task<Filed<TState>> Run<TState>(string streamId, string streamType, TState initial,
        Func<TState, IDomainEvent, TState> evolve, Func<TState, Task<Result>> decide, Func<Task>? beforeAppend)
    {
        var (state, version) = await Load(streamId, initial, evolve);
        var result = await decide(state);
        if (result is Result.Fail fail)
            throw new CommandRefusedException(fail.Error);

        var events = result.EventsOrEmpty;
        if (beforeAppend is not null)
            await beforeAppend();
        if (events.Count == 0)
            return new Filed<TState>(state, []);

        var appended = await store.Append(new StreamAppend(streamId, streamType, version, [.. events]),
            new EventMetadata("test:ledger-desk", Guid.NewGuid().ToString("N")));
        return new Filed<TState>(events.Aggregate(state, evolve), appended.Events);
    }

    private async Task<(TState State, long Version)> Load<TState>(string streamId, TState initial, Func<TState, IDomainEvent, TState> evolve)
    {
        var state = initial;
        long version = 0;
        await foreach (var stored in store.ReadStream(streamId))
        {
            if (stored.Data is IDomainEvent e)
                state = evolve(state, e);
            version = stored.Version;
        }

        return (state, version);
    }
}

/// <summary>What a filed command did: the stream's state after it and the events as stored.</summary>
internal sealed record Filed<TState>(TState State, IReadOnlyList<StoredEvent> Events);
