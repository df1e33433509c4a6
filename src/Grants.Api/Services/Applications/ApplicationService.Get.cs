using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Services.Applications;

/// <summary>GetApplication: the stream folded into the view, for any key that reaches one of its bureaus.</summary>
public sealed partial class ApplicationService
{
    public override async Task<GetApplicationResponse> GetApplication(GetApplicationRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var id = checks.ApplicationId(request.ApplicationId);
        checks.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var history = await ApplicationHistory.Load(store, id, ct);
        if (!history.State.Exists)
            throw ApiError.NotFound("application", id.Value).ToRpcException();
        var current = await catalog.Current(ct);
        ApplicationScope.EnsureCanReach(CallerContext.Of(context), current, history.State);
        var extras = await ApplicationExtras.Read(db, id.Value, ct);
        return new GetApplicationResponse { Application = ApplicationView.Build(new ApplicationRecord(history, extras, current)) };
    }
}
