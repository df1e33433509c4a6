using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Applications;

/// <summary>ListApplications: the read model, filtered, paged, and never wider than the key's bureaus.</summary>
public sealed partial class ApplicationService
{
    public override async Task<ListApplicationsResponse> ListApplications(ListApplicationsRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var pageSize = checks.PageSize(request.PageSize);
        var statuses = request.Statuses.Select((s, i) => (short)checks.Enum(s, $"statuses[{i}]")).Distinct().ToList();
        var measure = checks.OptionalId(request.MeasureId, "measure_id");
        var applicant = checks.OptionalId(request.ApplicantId, "applicant_id");
        var bureau = checks.OptionalId(request.BureauCode, "bureau_code");
        int? fiscalYear = request.FiscalYear == 0 ? null : checks.Year(request.FiscalYear, "fiscal_year");
        var from = checks.Date(request.SubmittedFrom, "submitted_from", required: false);
        var to = checks.Date(request.SubmittedTo, "submitted_to", required: false);
        if (from > to)
            checks.Add("submitted_to", "must not be before submitted_from");
        var filter = new ApplicationFilter(statuses, measure, applicant, bureau, fiscalYear, from, to);
        var after = PageToken.Decode(request.PageToken, filter, checks);
        checks.ThrowIfInvalid();

        var caller = CallerContext.Of(context);
        if (bureau is not null)
            caller.EnsureBureau(new BureauCode(bureau));
        var current = await catalog.Current(context.CancellationToken);
        string[]? scopeMeasures = null, scopeBureaus = null;
        if (!caller.Scope.IsUnrestricted)
        {
            var reachable = current.Bureaus.Select(b => b.Code).Where(caller.CanReach).ToHashSet();
            scopeMeasures = [.. current.Measures.Where(m => m.ResponsibleBureaus.Any(reachable.Contains)).Select(m => m.Id.Value)];
            scopeBureaus = [.. reachable.Select(b => b.Value)];
        }

        var (page, next) = await ApplicationList.Read(db, current, filter, scopeMeasures, scopeBureaus, after, pageSize, context.CancellationToken);
        return new ListApplicationsResponse { Applications = { page }, NextPageToken = next?.Encode(filter) ?? "" };
    }
}
