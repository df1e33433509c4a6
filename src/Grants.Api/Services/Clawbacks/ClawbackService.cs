using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.EventStore;
using Grpc.Core;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Clawbacks;

/// <summary>grants.v1.ClawbackService: ordering money back and settling the order by repayment, offset or write-off.
/// Every call acts for the bureau that paid the award.</summary>
public sealed partial class ClawbackService(
    IdempotencyGuard guard, PostgresEventStore store, CatalogState catalog, ApplicantStates applicants, ApplicationHistories histories,
    IConfiguration configuration)
    : Contracts.V1.ClawbackService.ClawbackServiceBase
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["amount"] = "amount_fen", ["ordered_by"] = "officer.id", ["payment_reference"] = "treasury_reference",
        ["recovered_on"] = "received_on", ["against_tranche_reference"] = "payment_reference",
        ["against_application"] = "payment_reference",
    };

    private readonly ApplicationWrites _writes = new(store, catalog, applicants, histories, ApprovalThreshold.From(configuration));

    public override Task<OrderClawbackResponse> OrderClawback(OrderClawbackRequest request, ServerCallContext context) =>
        guard.Execute<OrderClawbackRequest, OrderClawbackResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            var (officer, bureau) = checks.Officer(request.Officer, "officer");
            var orderedOn = checks.Date(request.OrderedOn, "ordered_on");
            var dueOn = checks.Date(request.DueOn, "due_on", required: false);
            if (dueOn < orderedOn)
                checks.Add("due_on", "must not be before ordered_on");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(bureau);
            var clawbackId = default(Grants.Domain.ClawbackId);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(caller, d.Catalog, d.State);
                    clawbackId = ClawbackIds.Next(id, d.State.Clawbacks.Count);
                    return ApplicationDecider.Decide(new OrderClawback(id, clawbackId, officer, reason, amount, orderedOn!.Value), d.State, d.Context);
                },
                r => new OrderClawbackResponse { Clawback = ClawbackOf(r, clawbackId!.Value) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer) with { DueOn = dueOn }, FieldNames: Fields));
        });

    internal static Clawback ClawbackOf(ApplicationRecord record, string clawbackId) =>
        ApplicationView.Build(record).Clawbacks.Single(c => c.ClawbackId == clawbackId);
}
