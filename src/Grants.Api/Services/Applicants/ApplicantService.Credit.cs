using Grants.Api.Errors;
using Grants.Domain;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

public sealed partial class ApplicantService
{
    public override Task<V1.FlagCreditResponse> FlagCredit(V1.FlagCreditRequest request, ServerCallContext context) =>
        guard.Execute<V1.FlagCreditRequest, V1.FlagCreditResponse>(context, request, async write =>
        {
            var (id, reason, caseReference, decidedOn) = CreditCase(request.ApplicantId, request.Reason, request.CaseReference, request.DecidedOn);
            var history = await Registered(id, write.CancellationToken);
            var command = new FlagCredit(id, caseReference, reason, decidedOn);
            return await applicants.Decide(history, command, write, a => new V1.FlagCreditResponse { Applicant = a });
        });

    public override Task<V1.ClearCreditResponse> ClearCredit(V1.ClearCreditRequest request, ServerCallContext context) =>
        guard.Execute<V1.ClearCreditRequest, V1.ClearCreditResponse>(context, request, async write =>
        {
            var (id, reason, caseReference, decidedOn) = CreditCase(request.ApplicantId, request.Reason, request.CaseReference, request.DecidedOn);
            var history = await Registered(id, write.CancellationToken);
            var command = new ClearCredit(id, caseReference, reason, decidedOn);
            return await applicants.Decide(history, command, write, a => new V1.ClearCreditResponse { Applicant = a });
        });

    /// <summary>Flag and clear carry the same fields: the registry's case, why, and the day it decided.</summary>
    private static (ApplicantId Id, string Reason, string CaseReference, DateOnly DecidedOn) CreditCase(
        string applicantId, string reason, string caseReference, V1.Date? decidedOn)
    {
        var checks = new RequestChecks();
        var id = checks.Id(applicantId, "applicant_id");
        var why = checks.Text(reason, "reason", MaxReasonLength);
        var reference = checks.Name(caseReference, "case_reference", MaxCaseReferenceLength);
        var on = checks.Date(decidedOn, "decided_on");
        checks.ThrowIfInvalid();
        return (ApplicantId.From(id), why, reference, on!.Value);
    }
}
