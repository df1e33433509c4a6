using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.EventStore;
using Grants.Projections.Audit.Replay;
using Npgsql;

namespace Grants.Api.Services.Audit;

/// <summary>An application rebuilt from the prefix of its stream that existed at a point, shown exactly as
/// GetApplication shows the present (the same view code), so an auditor compares like with like.</summary>
internal sealed class ApplicationAsOf(PostgresEventStore store, CatalogState catalog, NpgsqlDataSource db)
{
    public async Task<GetApplicationAsOfResponse> Build(ApplicationId id, long? version, DateTimeOffset? moment, CallerContext caller,
                                                        CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in store.ReadStream(StreamIds.Application(id), version, moment, ct))
            events.Add(stored);
        var state = events.Select(e => e.Data).OfType<IDomainEvent>().Aggregate(ApplicationState.Initial, ApplicationDecider.Evolve);
        if (!state.Exists)
            throw ApiError.NotFound("application", id.Value).ToRpcException();
        var current = await catalog.Current(ct);
        ApplicationScope.EnsureCanReach(caller, current, state);

        var last = events[^1];
        // Asked for a version the stream has not reached: answering with the last one would present today's state
        // as "as of version N". Said only after the scope check, so an out-of-scope caller learns nothing of it.
        if (version > last.Version)
            throw ApiError.Invalid("version", $"must be at most {last.Version}, the last version of application {id.Value}").ToRpcException();
        // Notes are keyed by stream version, so those of later steps are simply never looked up; offsets from other
        // applications' clawbacks are summed as of the last event shown, not read from today's tranche rows.
        var extras = await ApplicationExtras.Read(db, id.Value, ct) with
        {
            OffsetFenByTranche = await TrancheOffsets.AsOf(db, id.Value, moment ?? last.RecordedAt, ct),
        };
        var history = new ApplicationHistory(id, events, state, last.Version);
        return new GetApplicationAsOfResponse
        {
            Application = ApplicationView.Build(new ApplicationRecord(history, extras, current)),
            Position = last.Position,
            Hash = Convert.ToHexStringLower(last.Hash),
        };
    }
}
