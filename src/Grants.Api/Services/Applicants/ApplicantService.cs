using Grants.Api.Auth;
using Grants.Api.Commands;
using Grants.Api.Errors;
using Grants.Api.Idempotency;
using Grants.Api.Services.Catalog;
using Grants.Domain;
using Grants.Domain.Catalog;
using Grpc.Core;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

/// <summary>grants.v1.ApplicantService: registration of enterprises and nominated persons, and the credit registry's
/// flags. Reads fold the applicant's stream; commands decide on that same read.</summary>
public sealed partial class ApplicantService(
    ApplicantStream applicants, CatalogState catalog, PersonalIdKey personalIdKey, IdempotencyGuard guard, TimeProvider time)
    : V1.ApplicantService.ApplicantServiceBase
{
    public const int MaxEnterpriseNameLength = 200;
    public const int MaxPersonNameLength = 100;
    public const int MaxReasonLength = 500;
    public const int MaxCaseReferenceLength = 100;

    public override async Task<V1.GetApplicantResponse> GetApplicant(V1.GetApplicantRequest request, ServerCallContext context)
    {
        var checks = new RequestChecks();
        var id = checks.Id(request.ApplicantId, "applicant_id");
        checks.ThrowIfInvalid();

        var history = await Registered(ApplicantId.From(id), context.CancellationToken);
        return new V1.GetApplicantResponse { Applicant = history.View };
    }

    private async Task<ApplicantHistory> Registered(ApplicantId id, CancellationToken ct, string resource = "applicant")
    {
        var history = await applicants.Load(id, ct);
        return history.State.IsRegistered ? history : throw ApiError.NotFound(resource, id.Value).ToRpcException();
    }

    /// <summary>A district the catalog knows; unknown codes are a field error, not a missing resource.</summary>
    private JurisdictionCode? District(RequestChecks checks, string code, string field)
    {
        var before = checks.Violations.Count;
        checks.Id(code, field);
        if (checks.Violations.Count > before)
            return null;
        var jurisdiction = catalog.Latest.FindJurisdiction(new JurisdictionCode(code));
        if (jurisdiction is null)
            checks.Add(field, $"unknown district '{code}'");
        return jurisdiction?.Code;
    }

    private static void EnsureDistrict(ServerCallContext context, string? district)
    {
        if (district is not null)
            CallerContext.Of(context).EnsureJurisdiction(new JurisdictionCode(district));
    }
}
