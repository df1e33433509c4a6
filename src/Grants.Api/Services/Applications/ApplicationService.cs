using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grpc.Core;
using Npgsql;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>grants.v1.ApplicationService: submission to approval. Each RPC checks its request, scopes it to the key's
/// bureaus and hands a domain command to <see cref="ApplicationWrites"/>; the answer is the application as stored.</summary>
public sealed partial class ApplicationService(
    IdempotencyGuard guard, PostgresEventStore store, CatalogState catalog, ApplicantStates applicants, ApplicationHistories histories,
    NpgsqlDataSource db, TimeProvider time,
    IConfiguration configuration)
    : Contracts.V1.ApplicationService.ApplicationServiceBase
{
    private static readonly Dictionary<string, string> SubmitFields = new() { ["requested_amount"] = "requested_amount_fen" };

    private readonly ApplicationWrites _writes = new(store, catalog, applicants, histories, ApprovalThreshold.From(configuration));

    public override Task<SubmitResponse> Submit(SubmitRequest request, ServerCallContext context) =>
        guard.Execute<SubmitRequest, SubmitResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var applicant = new ApplicantId(checks.Id(request.ApplicantId, "applicant_id"));
            var measureId = new MeasureId(checks.Id(request.MeasureId, "measure_id"));
            var title = checks.Name(request.Title, "title", 200);
            var description = checks.Text(request.Description, "description", 4000, required: false);
            Money? requested = request.HasRequestedAmountFen ? checks.Amount(request.RequestedAmountFen, "requested_amount_fen") : null;
            var tier = checks.OptionalId(request.TierCode, "tier_code");
            checks.ThrowIfInvalid();

            var current = await catalog.Cached(write.CancellationToken);
            var measure = current.Catalog.FindMeasure(measureId)
                          ?? throw (await catalog.Moved(current, write.CancellationToken) ? current.Moved() : ApiError.NotFound("measure", measureId.Value).ToRpcException());
            if (measure.IsMonetary != requested.HasValue)
                throw ApiError.Invalid("requested_amount_fen", measure.IsMonetary
                    ? $"is required: {measure.Label} is monetary"
                    : $"must be absent: {measure.Label} is non-monetary").ToRpcException();
            ApplicationScope.EnsureAny(CallerContext.Of(context), measure.ResponsibleBureaus, $"measure {measure.Id.Value}");

            var today = time.Today();
            var id = await new ApplicationNumbers(db).Next(current.Catalog.FindPolicy(measure.Policy)!, today, write.CancellationToken);
            var command = new SubmitApplication(id, applicant, measure.Id, requested, tier, today);
            return await _writes.Run(write, id, d => ApplicationDecider.Decide(command, d.State, d.Context),
                r => new SubmitResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(
                    Note: new StepNote(Title: title, Description: description.Length == 0 ? null : description),
                    Applicant: applicant, FieldNames: SubmitFields, Catalog: current));
        });
}
