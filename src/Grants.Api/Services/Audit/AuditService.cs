using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Hosting;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;
using Grants.Projections.Audit.Replay;
using Grpc.Core;
using Npgsql;

namespace Grants.Api.Services.Audit;

/// <summary>grants.v1.AuditService: read-only replay, time travel and verification of the history. Rows are read as
/// stored (<see cref="AuditLog"/>); past states are folded from events, never read from the live tables.</summary>
public sealed partial class AuditService(
    PostgresEventStore store, NpgsqlDataSource db, CatalogState catalog, GrantsDatabaseOptions database, TimeProvider time)
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

    public override async Task<GetApplicationHistoryResponse> GetApplicationHistory(GetApplicationHistoryRequest request,
                                                                                    ServerCallContext context)
    {
        var checks = new RequestChecks();
        var id = checks.ApplicationId(request.ApplicationId);
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var streamId = StreamIds.Application(id);
        var rows = await _log.ReadStream(streamId, ct);
        // Scope is decided on the application as it stands now: who may see it today may see how it got there.
        var history = await ApplicationHistory.Load(store, id, ct);
        if (rows.Count == 0 || !history.State.Exists)
            throw ApiError.NotFound("application", id.Value).ToRpcException();
        ApplicationScope.EnsureCanReach(CallerContext.Of(context), await catalog.Current(ct), history.State);
        return new GetApplicationHistoryResponse { StreamId = streamId, Events = { rows.Select(AuditEvents.ToWire) } };
    }

    public override Task<GetApplicationAsOfResponse> GetApplicationAsOf(GetApplicationAsOfRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var id = checks.ApplicationId(request.ApplicationId);
        long? version = null;
        DateTimeOffset? moment = null;
        switch (request.PointCase)
        {
            case GetApplicationAsOfRequest.PointOneofCase.Version when request.Version < 1:
                checks.Add("version", "must be 1 or more");
                break;
            case GetApplicationAsOfRequest.PointOneofCase.Version:
                version = request.Version;
                break;
            case GetApplicationAsOfRequest.PointOneofCase.AsOf:
                moment = checks.Instant(request.AsOf, "as_of");
                break;
            default:
                checks.Add("as_of", "as_of or version is required");
                break;
        }
        checks.ThrowIfInvalid();
        return new ApplicationAsOf(store, catalog, db).Build(id, version, moment, CallerContext.Of(context), context.CancellationToken);
    }

    public override async Task<GetLedgersAsOfResponse> GetLedgersAsOf(GetLedgersAsOfRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var point = Point(checks, request);
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        int? fiscalYear = request.FiscalYear == 0 ? null : checks.Year(request.FiscalYear, "fiscal_year");
        checks.ThrowIfInvalid();
        var caller = CallerContext.Of(context);
        if (bureau is not null)
            caller.EnsureBureau(new Domain.Catalog.BureauCode(bureau));

        var replayed = await new LedgerReplay(_log, store.Types).Replay(point!, context.CancellationToken);
        var response = new GetLedgersAsOfResponse
        {
            Position = replayed.Position,
            EventsReplayed = replayed.EventsReplayed,
            HeadPosition = replayed.HeadPosition,
        };
        LedgerViews.Fill(response, replayed.Book, caller, bureau is null ? null : new Domain.Catalog.BureauCode(bureau), fiscalYear);
        return response;
    }

    private static ReplayPoint? Point(RequestChecks checks, GetLedgersAsOfRequest request)
    {
        switch (request.PointCase)
        {
            case GetLedgersAsOfRequest.PointOneofCase.Position:
                return new ReplayPoint.AtPosition(checks.Position(request.Position, "position"));
            case GetLedgersAsOfRequest.PointOneofCase.AsOf:
                return checks.Instant(request.AsOf, "as_of") is { } moment ? new ReplayPoint.AtMoment(moment) : null;
            default:
                checks.Add("as_of", "as_of or position is required");
                return null;
        }
    }
}
