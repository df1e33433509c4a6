using Google.Protobuf;
using Grants.EventStore;

namespace Grants.Api.Idempotency;

/// <summary>Handed by <see cref="IdempotencyGuard.Execute"/> to the command it protects: the event metadata to
/// append with (the caller as actor, the request_id) and the <see cref="AppendOptions"/> that record the response
/// in the append's own transaction. Use it for exactly one append.</summary>
public sealed class IdempotentWrite<TResponse> where TResponse : IMessage<TResponse>
{
    private readonly string _caller;
    private readonly string _method;
    private readonly byte[] _payloadHash;

    internal IdempotentWrite(string requestId, string caller, string method, byte[] payloadHash,
                             EventMetadata metadata, CancellationToken cancellationToken)
    {
        RequestId = requestId;
        _caller = caller;
        _method = method;
        _payloadHash = payloadHash;
        Metadata = metadata;
        CancellationToken = cancellationToken;
    }

    public string RequestId { get; }

    /// <summary>Actor = the API key's name, RequestId = the request's request_id, CorrelationId = the trace id.</summary>
    public EventMetadata Metadata { get; }

    /// <summary>The call's token (cancelled when the client goes away or its deadline passes).</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The response stored in the append's transaction, once that transaction has reached its answer.</summary>
    internal TResponse? Recorded { get; private set; }

    /// <summary>Records a response the command built before appending (from the decided events and the state they
    /// lead to: stream versions are expected + count, times come with the command). The usual choice.</summary>
    public AppendOptions Recording(TResponse response) => Recording(_ => response);

    /// <summary>Records a response built inside the transaction from the events as stored (final versions and
    /// recorded-at times; positions are not assigned yet), in the append's <see cref="AppendOptions.Answer"/>, after
    /// any BeforeCommit. Execute returns this response. A caller that builds its own answer runs this one's at its
    /// end (<c>recording with { Answer = … }</c>), keeping the late write.</summary>
    public AppendOptions Recording(Func<IReadOnlyList<StoredEvent>, TResponse> responseFromEvents) =>
        new(Answer: events => Recorded = responseFromEvents(events), LateWrite: (_, late) => Insert(late));

    /// <summary>The record is a late write: nothing in the append reads it back, so it rides in the chain step's round
    /// trip.</summary>
    private void Insert(LateWrites late)
    {
        var response = Recorded ?? throw new InvalidOperationException($"Request '{RequestId}' reached its record without a response.");
        // "on conflict do nothing" waits for a concurrent transaction holding the same request_id; if that one
        // commits, this one must not: refusing rolls back our events, and the guard replays the stored response.
        late.Add("""
            with recorded as (
                insert into grants.idempotency(request_id, caller, method, payload_sha256, response)
                values ($1, $2, $3, $4, $5) on conflict (request_id) do nothing returning 1)
            select grants.refuse_request_unless(exists (select from recorded), $1)
            """, [RequestId, _caller, _method, _payloadHash, response.ToByteArray()],
            (error, _, _, _) => Task.FromResult<Exception>(error.SqlState == LateWrites.RefusedState
                ? new RequestAlreadyCommittedException(RequestId)
                : error));
    }
}

/// <summary>Another call with the same request_id committed while this one was deciding.</summary>
internal sealed class RequestAlreadyCommittedException(string requestId)
    : Exception($"Request '{requestId}' was committed by a concurrent call.");
