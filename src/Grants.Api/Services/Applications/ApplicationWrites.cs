using Google.Protobuf;
using Grants.Api.Commands;
using Grants.Api.Idempotency;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grpc.Core;
using Npgsql;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>What a decision about an application sees: its history, the context the decider asks for and, for an
/// offset, the history of the application whose tranche is withheld from.</summary>
public sealed record ApplicationDecision(ApplicationHistory History, ApplicationContext Context, ApplicationHistory? Other)
{
    public ApplicationState State => History.State;

    public PolicyCatalog Catalog => Context.Catalog;
}

/// <summary>An application after a command: its history with the new events, and what its views need besides.</summary>
public sealed record ApplicationRecord(ApplicationHistory History, ApplicationExtras Extras, PolicyCatalog Catalog);

/// <param name="Note">Stored with the command's first event on the application's stream.</param>
/// <param name="Applicant">For a submission, whose stream does not exist yet: the applicant named in the request.</param>
/// <param name="OffsetAgainst">For an offset: the application whose tranche the clawback is withheld from.</param>
/// <param name="FieldNames">Domain field name → request field path, so refusals name what the caller sent.</param>
/// <param name="BeforeCommit">A last check inside the append's transaction, after the projections ran.</param>
/// <param name="Catalog">The catalog the service already took for this attempt (<see cref="CatalogState.Cached"/>).</param>
public sealed record ApplicationWriteOptions(
    StepNote? Note = null,
    ApplicantId? Applicant = null,
    ApplicationId? OffsetAgainst = null,
    IReadOnlyDictionary<string, string>? FieldNames = null,
    Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task>? BeforeCommit = null,
    CatalogSnapshot? Catalog = null);

/// <summary>The path of every application command: take the stream as this server last wrote it or read it
/// (<see cref="ApplicationHistories"/>; the applicant and the catalog as cached, for an offset the other application as
/// read), decide, and append every stream that has events in ONE append at the versions read. A stream that
/// was read but gets no event must still be at the version read when the append commits, or the decision is retried
/// on fresh state (the guard retries ConcurrencyException). The response is built inside the transaction from the
/// stored events, and recorded there for idempotent replay.</summary>
public sealed class ApplicationWrites(PostgresEventStore store, CatalogState catalogState, ApplicantStates applicants,
                                       ApplicationHistories histories, Money dualApprovalThreshold)
{
    public async Task<TResponse> Run<TResponse>(
        IdempotentWrite<TResponse> write,
        ApplicationId id,
        Func<ApplicationDecision, Result> decide,
        Func<ApplicationRecord, TResponse> respond,
        ApplicationWriteOptions? options = null)
        where TResponse : IMessage<TResponse>
    {
        options ??= new ApplicationWriteOptions();
        var ct = write.CancellationToken;
        // The catalog as cached: the append checks with its claim that the catalog stream has not moved since.
        var snapshot = options.Catalog ?? await catalogState.Cached(ct);
        var catalog = snapshot.Catalog;
        // The history as this server last wrote it, if it did: the append below is at its version either way.
        var (history, cached) = await histories.Take(id, ct);
        var other = options.OffsetAgainst is { } against && against != id ? await ApplicationHistory.Load(store, against, ct) : null;
        // The applicant as cached, checked with the claim like the catalog.
        var applicantId = history.State.ApplicantId ?? options.Applicant;
        var applicant = applicantId is null ? null : await applicants.Cached(applicantId, ct);
        var context = new ApplicationContext(catalog, applicant?.State ?? ApplicantState.Initial)
        {
            OffsetAgainst = other?.State ?? (options.OffsetAgainst == id ? history.State : null),
            DualApprovalThreshold = dualApprovalThreshold,
        };

        var result = await DecideOnCurrentReads(decide, new ApplicationDecision(history, context, other), snapshot,
            applicant is null ? null : (applicantId!, applicant), cached ? history : null, ct);
        if (result is Result.Fail fail)
            throw new CommandRefusedException(Rename(fail.Error, options.FieldNames));
        var appends = Route(result.EventsOrEmpty, history, other);
        if (appends.Count == 0)
            throw new InvalidOperationException($"The decider accepted a command on {id} without deciding any event.");

        var response = default(TResponse);
        var recording = write.Recording(_ => response!);
        // An offset reads its extras after its tranche rows moved (below); any other command knows them from the
        // history, reading only what clawbacks withheld from the tranches it has.
        var extras = ApplicationExtras.None;
        ClaimRead? offsets = null;
        if (options.OffsetAgainst is null)
            (extras, offsets) = ApplicationExtras.WithClaim(history, read => extras = read);
        // The note rides in the hashed metadata; the applications projection files it under the first event of this
        // application's stream, so views, rebuilds and auditors all read the same text.
        var metadata = options.Note is { } stepNote ? write.Metadata with { Note = stepNote.For(id) } : write.Metadata;
        var appended = await Appended(id, other, () => store.Append(appends, metadata, recording with
        {
            BeforeCommit = options.BeforeCommit is null && options.OffsetAgainst is null ? null : async (connection, transaction, _, token) =>
            {
                if (options.BeforeCommit is { } check)
                    await check(connection, transaction, token);
                // An offset moves a tranche row at once (TrancheRowWriter), so its answer reads the rows after it.
                if (options.OffsetAgainst is not null)
                    extras = await ApplicationExtras.Read(connection, transaction, id.Value, token);
            },
            Answer = pending =>
            {
                // The projection files the note under this request's first event on the application (ApplicationNotesWriter).
                // Built afresh each time: a batch tried again answers again.
                var filed = options.Note is { } note && pending.FirstOrDefault(e => e.StreamId == history.StreamId) is { } first
                    ? extras.Filing(first.Version, note)
                    : extras;
                response = respond(new ApplicationRecord(history.With(pending), filed, catalog));
                recording.Answer!(pending);
            },
            ReadWithClaim = ClaimReads(snapshot, applicantId, applicant,
                // The other application of an offset, read but not written, must not have moved either.
                other is not null && appends.All(a => a.StreamId != other.StreamId) ? new StreamExpectation(other.StreamId, other.Version) : null,
                offsets),
        }, ct));
        histories.Written(history.With(appended.Events));
        return response!;
    }

    /// <summary>Decides; a refusal (or a scope check's denial) made on a catalog, an applicant or a cached history that
    /// has since moved becomes a lost race instead, retried on what they are now.</summary>
    private async Task<Result> DecideOnCurrentReads(Func<ApplicationDecision, Result> decide, ApplicationDecision decision,
                                                    CatalogSnapshot snapshot, (ApplicantId Id, ApplicantStates.Seen Seen)? applicant,
                                                    ApplicationHistory? cachedHistory, CancellationToken ct)
    {
        RpcException? denied = null;
        Result? result = null;
        try
        {
            result = decide(decision);
        }
        catch (RpcException e)
        {
            denied = e;
        }
        if (result is Result.Fail or null)
        {
            if (await catalogState.Moved(snapshot, ct))
                throw snapshot.Moved();
            if (applicant is { } a && await applicants.Moved(a.Id, a.Seen, ct))
                throw new ConcurrencyException(Streams.Applicant(a.Id).Id, a.Seen.Version, a.Seen.Version + 1);
            if (cachedHistory is not null && await histories.Moved(cachedHistory, ct) is { } moved)
                throw moved;
        }
        return result ?? throw denied!;
    }

    /// <summary>What the append checks and reads with its claim: the catalog, the applicant and an offset's other
    /// application still as decided on, then the answer's extras.</summary>
    private ClaimRead ClaimReads(CatalogSnapshot snapshot, ApplicantId? applicantId, ApplicantStates.Seen? applicant,
                                 StreamExpectation? other, ClaimRead? extras)
    {
        List<StreamExpectation> unchanged = [snapshot.Unchanged()];
        if (applicantId is not null && applicant is not null)
            unchanged.Add(applicants.Unchanged(applicantId, applicant));
        if (other is not null)
            unchanged.Add(other);
        var reads = ClaimRead.StreamsAt(unchanged);
        return extras is null ? reads : reads.Then(extras);
    }

    /// <summary>The append; whatever ends it but a commit (a lost race above all) leaves the cache without the
    /// histories it decided on, so a retry reads them.</summary>
    private async Task<AppendResult> Appended(ApplicationId id, ApplicationHistory? other, Func<Task<AppendResult>> append)
    {
        try
        {
            var appended = await append();
            if (other is not null)
                histories.Forget(other.Id);
            return appended;
        }
        catch
        {
            histories.Forget(id);
            if (other is not null)
                histories.Forget(other.Id);
            throw;
        }
    }

    /// <summary>Each event goes to the stream of the application it names.</summary>
    private static List<StreamAppend> Route(IReadOnlyList<IDomainEvent> events, ApplicationHistory history, ApplicationHistory? other)
    {
        bool ForOther(IDomainEvent e) => other is not null && e is IApplicationEvent a && a.ApplicationId == other.Id;
        var appends = new List<StreamAppend>();
        if (events.Where(e => !ForOther(e)).ToList() is { Count: > 0 } mine)
            appends.Add(new StreamAppend(history.StreamId, StreamIds.ApplicationType, history.Version, [.. mine]));
        if (other is not null && events.Where(ForOther).ToList() is { Count: > 0 } theirs)
            appends.Add(new StreamAppend(other.StreamId, StreamIds.ApplicationType, other.Version, [.. theirs]));
        return appends;
    }

    private static DomainError Rename(DomainError error, IReadOnlyDictionary<string, string>? names) =>
        error.Field is { } field && names is not null && names.TryGetValue(field, out var wire) ? error with { Field = wire } : error;
}
