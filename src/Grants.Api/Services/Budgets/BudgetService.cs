using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Api.Services.Applicants;
using Grants.Api.Services.Catalog;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Projections.Queries;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Budgets;

/// <summary>grants.v1.BudgetService: appropriations and the ledgers kept against them. Commands append to the budget
/// line's stream; the inline ledger projection enforces committed + paid ≤ appropriated in the same transaction.</summary>
public sealed partial class BudgetService(
    BudgetCommands budgets, LedgerQueries ledgers, ApplicantStream applicants, CatalogState catalog,
    IdempotencyGuard guard, TimeProvider time)
    : V1.BudgetService.BudgetServiceBase
{
    public const int MaxReasonLength = 500;

    public override Task<V1.AppropriateResponse> Appropriate(V1.AppropriateRequest request, ServerCallContext context) =>
        guard.Execute<V1.AppropriateRequest, V1.AppropriateResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var line = checks.Line(request.BureauCode, request.FiscalYear, request.MeasureId);
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var reason = checks.Text(request.Reason, "reason", MaxReasonLength);
            var officer = checks.Officer(request.Officer);
            var on = checks.Date(request.AppropriatedOn, "appropriated_on");
            checks.ThrowIfInvalid();

            var current = await catalog.Current(write.CancellationToken);
            var (key, measure) = current.Resolve(line, context);
            current.EnsureOfficer(officer, context);
            measure.EnsureMonetary();

            var command = new Appropriate(key, amount, reason, BudgetLines.DocumentReferenceOf(reason), on!.Value);
            return await budgets.Run(key, command, current, write, ledger => new V1.AppropriateResponse { Ledger = ledger });
        });

    public override Task<V1.AdjustAppropriationResponse> AdjustAppropriation(V1.AdjustAppropriationRequest request, ServerCallContext context) =>
        guard.Execute<V1.AdjustAppropriationRequest, V1.AdjustAppropriationResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var line = checks.Line(request.BureauCode, request.FiscalYear, request.MeasureId);
            var delta = checks.Delta(request.DeltaFen, "delta_fen");
            var reason = checks.Text(request.Reason, "reason", MaxReasonLength);
            var officer = checks.Officer(request.Officer);
            var on = checks.Date(request.AdjustedOn, "adjusted_on");
            checks.ThrowIfInvalid();

            var current = await catalog.Current(write.CancellationToken);
            var (key, measure) = current.Resolve(line, context);
            current.EnsureOfficer(officer, context);
            measure.EnsureMonetary();

            var command = new AdjustAppropriation(key, delta, reason, BudgetLines.DocumentReferenceOf(reason), on!.Value);
            return await budgets.Run(key, command, current, write, ledger => new V1.AdjustAppropriationResponse { Ledger = ledger });
        });
}
