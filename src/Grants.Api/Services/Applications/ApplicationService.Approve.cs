using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Catalog;
using Grpc.Core;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>Approve: one approver, or two distinct ones at or above the threshold. Limits the database enforces
/// (appropriation, cumulative caps, credit standing) refuse inside the append, with the headroom in the answer.</summary>
public sealed partial class ApplicationService
{
    private static readonly Dictionary<string, string> ApproveFields = new()
    {
        ["approver"] = "approver.id", ["approver_bureau"] = "approver.bureau_code", ["paying_bureau"] = "paying_bureau_code",
        ["amount"] = "amount_fen",
    };

    public override Task<ApproveResponse> Approve(ApproveRequest request, ServerCallContext context) =>
        guard.Execute<ApproveRequest, ApproveResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var (approver, approverBureau) = checks.Officer(request.Approver, "approver");
            var amount = checks.Amount(request.AmountFen, "amount_fen");
            var fiscalYear = checks.Year(request.FiscalYear, "fiscal_year");
            var paying = new BureauCode(checks.Id(request.PayingBureauCode, "paying_bureau_code"));
            var approvedOn = checks.Date(request.ApprovedOn, "approved_on");
            checks.Text(request.Comment, "comment", WireChecks.CommentMax, required: false);
            if (approvedOn is { } date && fiscalYear != date.Year && checks.Violations.Count == 0)
                checks.Add("fiscal_year", $"must be {date.Year}: an award is charged to the calendar year of its approval");
            checks.ThrowIfInvalid();

            var caller = CallerContext.Of(context);
            caller.EnsureBureau(approverBureau);
            caller.EnsureBureau(paying);
            var current = await catalog.Cached(write.CancellationToken);
            if (current.Catalog.FindBureau(paying) is null)
                throw await catalog.Moved(current, write.CancellationToken) ? current.Moved() : ApiError.NotFound("bureau", paying.Value).ToRpcException();

            var command = new ApproveAward(id, approver, approverBureau, amount, paying, approvedOn!.Value);
            return await _writes.Run(write, id, d => ApplicationDecider.Decide(command, d.State, d.Context),
                r => new ApproveResponse
                {
                    Application = ApplicationView.Build(r),
                    SecondApprovalRequired = r.History.State.PendingApproval is not null,
                },
                new ApplicationWriteOptions(Note: StepNotes.By(request.Approver, request.Comment.Trim()), FieldNames: ApproveFields,
                    Catalog: current));
        });
}
