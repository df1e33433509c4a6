using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain;
using Grpc.Core;

namespace Grants.Api.Services.Audit;

public sealed partial class AuditService
{
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
}
