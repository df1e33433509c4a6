using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Withdrawing;
using Grpc.Core;

namespace Grants.Api.Services.Applications;

/// <summary>Withdraw: the applicant steps back before the award is decided.</summary>
public sealed partial class ApplicationService
{
    public override Task<WithdrawResponse> Withdraw(WithdrawRequest request, ServerCallContext context) =>
        guard.Execute<WithdrawRequest, WithdrawResponse>(context, request, async write =>
        {
            var checks = new RequestChecks();
            var id = checks.ApplicationId(request.ApplicationId);
            var reason = checks.Text(request.Reason, "reason", WireChecks.ReasonMax);
            checks.ThrowIfInvalid();

            var command = new WithdrawApplication(id, reason, time.Today());
            return await _writes.Run(write, id, d =>
                {
                    ApplicationScope.EnsureCanReach(CallerContext.Of(context), d.Catalog, d.State);
                    return ApplicationDecider.Decide(command, d.State, d.Context);
                },
                r => new WithdrawResponse { Application = ApplicationView.Build(r) });
        });
}
