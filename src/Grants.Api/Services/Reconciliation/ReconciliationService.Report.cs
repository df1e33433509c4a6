using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Grants.Projections.Finance.Reports;
using Grpc.Core;

namespace Grants.Api.Services.Reconciliation;

/// <summary>GetReport: the budget lines in the key's reach, the open items, the history position and the tie-out.</summary>
public sealed partial class ReconciliationService
{
    public override async Task<GetReportResponse> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var caller = CallerContext.Of(context);
        var checks = new RequestChecks();
        int? year = request.FiscalYear == 0 ? null : checks.Year(request.FiscalYear, "fiscal_year");
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        checks.ThrowIfInvalid();
        if (bureau is not null)
            caller.EnsureBureau(new BureauCode(bureau));

        var report = await _reports.Read(new ReportFilter(year, bureau, Reach(caller)), context.CancellationToken);
        return ReportMessages.Of(report);
    }
}
