using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Services.Applications;
using Grants.Api.Services.Disbursements;
using Grants.Contracts.V1;
using Grants.Domain;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grpc.Core;
using Npgsql;
using ApplicationDecider = Grants.Domain.Applications.ApplicationDecider;
using DomainTrancheStatus = Grants.Domain.Applications.TrancheStatus;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Clawbacks;

/// <summary>Offsetting touches two applications of one beneficiary: the recovery is recorded on the clawback's
/// application, the tranche it is withheld from belongs to another. Both are read, the decision is appended in one
/// transaction that also requires the tranche's application to be unchanged, and the tranche's row (shared by every
/// offset against it) refuses to be withheld from beyond its amount or once paid.</summary>
public sealed partial class ClawbackService
{
    public override Task<OffsetClawbackResponse> OffsetClawback(OffsetClawbackRequest request, ServerCallContext context) =>
        guard.Execute<OffsetClawbackRequest, OffsetClawbackResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var clawback = checks.Id(request.ClawbackId, "clawback_id");
            var reference = checks.Id(request.PaymentReference, "payment_reference");
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var (_, bureau) = checks.Officer(request.Officer, "officer");
            var offsetOn = checks.Date(request.OffsetOn, "offset_on");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(bureau);
            var (id, clawbackId) = ClawbackIds.Parse(clawback);
            var against = PaymentReferences.ApplicationOf(reference);
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsurePayingBureau(caller, d.Catalog, d.State);
                    var tranche = (d.Other ?? d.History).State.FindTranche(reference)
                                  ?? throw ApiError.NotFound("tranche", reference).ToRpcException();
                    if (d.Other is not null)
                        ApplicationScope.EnsurePayingBureau(caller, d.Catalog, d.Other.State);
                    if (tranche.Status != DomainTrancheStatus.Instructed)
                        throw NotInstructed(reference);
                    var command = new OffsetClawback(id, clawbackId, amount, against, reference, offsetOn!.Value);
                    return ApplicationDecider.Decide(command, d.State, d.Context).ThenCloseIfSettled(d, offsetOn.Value);
                },
                r => new OffsetClawbackResponse { Clawback = ClawbackOf(r, clawback) },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Officer), OffsetAgainst: against, FieldNames: Fields,
                    BeforeCommit: (c, t, ct) => EnsureStillInstructed(c, t, reference, ct)));
        });

    /// <summary>The projection has locked the tranche's row by now: a confirmation committed before this offset shows
    /// here, and one still to come waits for this transaction and then sees the offset.</summary>
    private static async Task EnsureStillInstructed(NpgsqlConnection connection, NpgsqlTransaction transaction, string reference,
                                                    CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "select status from grants.application_tranches where payment_reference = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = reference });
        if (await command.ExecuteScalarAsync(ct) is not "instructed")
            throw NotInstructed(reference);
    }

    private static CommandRefusedException NotInstructed(string reference) =>
        new(new DomainError(ErrorCodes.TrancheNotInstructed,
            $"tranche {reference} is not awaiting payment: only an instructed, unpaid tranche can be withheld from"));
}
