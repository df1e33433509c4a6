using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.EventStore;
using Google.Protobuf;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

/// <summary>An applicant's stream as read: the stored events (for the wire view), the decider's state and the
/// version to append at.</summary>
public sealed record ApplicantHistory(ApplicantId Id, IReadOnlyList<StoredEvent> Events, ApplicantState State, long Version)
{
    public V1.Applicant View => ApplicantView.From(Events);
}

/// <summary>The command path of the applicant stream. Like <see cref="CommandRunner"/>, but it keeps the stored
/// events it read, because the response shows the whole applicant (registration time, last credit case), and
/// building it from the same read as the decision keeps the two consistent.</summary>
public sealed class ApplicantStream(PostgresEventStore store)
{
    public async Task<ApplicantHistory> Load(ApplicantId id, CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        await foreach (var stored in store.ReadStream(StreamIds.Applicant(id), ct: ct))
            events.Add(stored);
        var state = events.Select(e => e.Data).OfType<IDomainEvent>().Aggregate(ApplicantState.Initial, ApplicantDecider.Evolve);
        return new ApplicantHistory(id, events, state, events.Count == 0 ? 0 : events[^1].Version);
    }

    /// <summary>Decides on the history as read and appends at its version; a refusal throws the mapped status and
    /// writes nothing.</summary>
    public async Task<TResponse> Decide<TResponse>(ApplicantHistory history, IApplicantCommand command,
        IdempotentWrite<TResponse> write, Func<V1.Applicant, TResponse> respond)
        where TResponse : IMessage<TResponse>
    {
        var result = ApplicantDecider.Decide(command, history.State);
        if (result.ErrorOrNull is { } error)
            throw error.ToApiError($"applicant {history.Id.Value}").ToRpcException();

        TResponse? response = default;
        await store.Append(
            [new StreamAppend(StreamIds.Applicant(history.Id), StreamIds.ApplicantType, history.Version, [.. result.EventsOrEmpty])],
            write.Metadata,
            write.Recording(stored => response = respond(ApplicantView.From([.. history.Events, .. stored]))),
            write.CancellationToken);
        return response!;
    }
}
