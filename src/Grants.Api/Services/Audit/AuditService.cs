using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Hosting;
using Grants.Contracts.V1;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Services.Audit;

/// <summary>grants.v1.AuditService: read-only replay, time travel and verification of the history. Rows are read as
/// stored (<see cref="AuditLog"/>); past states are folded from events, never read from the live tables.</summary>
public sealed partial class AuditService(
    PostgresEventStore store, NpgsqlDataSource db, CatalogState catalog, TimeProvider time)
    : Contracts.V1.AuditService.AuditServiceBase
{
    private readonly AuditLog _log = new(db);

    public override async Task StreamEvents(StreamEventsRequest request, IServerStreamWriter<AuditEvent> responseStream,
                                            ServerCallContext context)
    {
        var checks = new RequestChecks();
        var from = checks.Position(request.FromPosition, "from_position");
        var to = checks.Position(request.ToPosition, "to_position");
        if (to != 0 && to < from)
            checks.Add("to_position", "must not be before from_position");
        if (to != 0 && request.Follow)
            checks.Add("to_position", "must be 0 with follow");
        var filter = new EventFilter(
            checks.OptionalId(request.StreamId, "stream_id", AuditChecks.MaxStreamIdLength),
            checks.OptionalId(request.StreamType, "stream_type"),
            checks.EventTypes(request.EventTypes, "event_types"),
            checks.OptionalId(request.BureauCode, "bureau_code"),
            checks.Instant(request.RecordedFrom, "recorded_from"),
            checks.Instant(request.RecordedBefore, "recorded_before"));
        if (filter is { RecordedFrom: { } start, RecordedBefore: { } end } && end <= start)
            checks.Add("recorded_before", "must be after recorded_from");
        checks.ThrowIfInvalid();
        AuditScope.EnsureBureauOrWholeLog(CallerContext.Of(context), filter.Bureau, "streaming the events");

        var ct = context.CancellationToken;
        var after = Math.Max(from, 1) - 1;
        var events = request.Follow ? _log.Follow(after, filter, ct) : _log.Read(after, to == 0 ? null : to, filter, ct);
        await foreach (var e in events)
            await responseStream.WriteAsync(AuditEvents.ToWire(e), ct);
    }
}
