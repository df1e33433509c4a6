using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Api.Services.Applications;
using Grants.Contracts.V1;
using Grants.Domain.Applications.InstructingTranches;
using Grants.EventStore;
using Grpc.Core;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Disbursements;

/// <summary>grants.v1.DisbursementService: tranches, payment holds, and the treasury's confirmations and returns.
/// Every call acts for the bureau that pays the award, which must be in the key's scope.</summary>
public sealed partial class DisbursementService(
    IdempotencyGuard guard, PostgresEventStore store, CatalogState catalog, ApplicantStates applicants, ApplicationHistories histories,
    TimeProvider time,
    IConfiguration configuration)
    : Contracts.V1.DisbursementService.DisbursementServiceBase
{
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["amount"] = "amount_fen", ["payee_bank_account"] = "payee_account", ["reference"] = "payment_reference",
    };

    private readonly ApplicationWrites _writes = new(store, catalog, applicants, histories, ApprovalThreshold.From(configuration));

    public override Task<InstructTrancheResponse> InstructTranche(InstructTrancheRequest request, ServerCallContext context) =>
        guard.Execute<InstructTrancheRequest, InstructTrancheResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var payee = checks.Name(request.PayeeName, "payee_name", 200);
            var account = checks.Account(request.PayeeAccount, "payee_account");
            var (_, bureau) = checks.Officer(request.Officer, "officer");
            var instructedOn = checks.Date(request.InstructedOn, "instructed_on");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(bureau);
            var reference = "";
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(caller, d.Catalog, d.State);
                    var number = d.State.Tranches.Count + 1;
                    reference = TrancheInstructed.ReferenceFor(id, number);
                    return ApplicationDecider.Decide(new InstructTranche(id, number, amount, payee, account, instructedOn!.Value), d.State, d.Context);
                },
                r => new InstructTrancheResponse { Tranche = TrancheOf(r, reference) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), FieldNames: Fields));
        });

    internal static Tranche TrancheOf(ApplicationRecord record, string reference) =>
        ApplicationView.Build(record).Tranches.Single(t => t.PaymentReference == reference);
}
