using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Projections.Audit.Replay;
using Grpc.Core;

namespace Grants.Api.Services.Audit;

public sealed partial class AuditService
{
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
