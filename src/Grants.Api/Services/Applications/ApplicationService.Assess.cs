using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Assessing;
using Grpc.Core;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>The assessment: score, recommended amount and the conflict-of-interest declaration.</summary>
public sealed partial class ApplicationService
{
    private static readonly Dictionary<string, string> AssessFields = new()
    {
        ["assessor"] = "assessor.id", ["declaration"] = "conflict", ["declaration.details"] = "conflict.statement",
        ["recommended_amount"] = "recommended_amount_fen",
    };

    public override Task<AssessResponse> Assess(AssessRequest request, ServerCallContext context) =>
        guard.Execute<AssessRequest, AssessResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (assessor, bureau) = checks.Officer(request.Assessor, "assessor");
            if (request.Score is < 0 or > 100)
                checks.Add("score", "must be from 0 to 100");
            Money? recommended = request.HasRecommendedAmountFen
                ? checks.Amount(request.RecommendedAmountFen, "recommended_amount_fen")
                : null;
            if (request.Conflict is null)
                checks.Add("conflict", "is required: declare whether you have a conflict of interest");
            var statement = request.Conflict is null ? "" : checks.Text(request.Conflict.Statement, "conflict.statement", WireChecks.ReasonMax);
            var comment = checks.Text(request.Comment, "comment", WireChecks.CommentMax, required: false);
            checks.ThrowIfInvalid();

            var declaration = new ConflictOfInterestDeclaration(request.Conflict!.HasConflict, statement);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsureResponsibleOfficer(CallerContext.Of(context), d.Catalog, d.State, bureau);
                    EnsureAmountFitsMeasure(d, recommended, "recommended_amount_fen");
                    var command = new AssessApplication(id, assessor, request.Score, recommended ?? Money.Zero, declaration, time.Today());
                    return ApplicationDecider.Decide(command, d.State, d.Context);
                },
                r => new AssessResponse { Application = ApplicationView.Build(r) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Assessor, comment), FieldNames: AssessFields));
        });

    /// <summary>An amount is required under a monetary measure and must be absent under a non-monetary one.</summary>
    private static void EnsureAmountFitsMeasure(ApplicationDecision d, Money? amount, string field)
    {
        if (d.State.MeasureId is not { } id || d.Catalog.FindMeasure(id) is not { } measure || measure.IsMonetary == amount.HasValue)
            return;
        throw ApiError.Invalid(field, measure.IsMonetary
            ? $"is required: {measure.Label} is monetary"
            : $"must be absent: {measure.Label} is non-monetary").ToRpcException();
    }
}
