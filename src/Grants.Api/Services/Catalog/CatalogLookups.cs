using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Catalog;

/// <summary>Codes a request names, resolved against the catalog: NOT_FOUND for what the request acts on, a field
/// violation for what merely describes the caller (an officer's bureau).</summary>
public static class CatalogLookups
{
    public static Measure MeasureOrNotFound(this PolicyCatalog catalog, string measureId) =>
        catalog.FindMeasure(new MeasureId(measureId))
        ?? throw ApiError.NotFound("measure", measureId).ToRpcException();

    public static Bureau BureauOrNotFound(this PolicyCatalog catalog, string bureauCode) =>
        catalog.FindBureau(new BureauCode(bureauCode))
        ?? throw ApiError.NotFound("bureau", bureauCode).ToRpcException();

    public static Policy PolicyOrNotFound(this PolicyCatalog catalog, string policyId) =>
        catalog.FindPolicy(new PolicyId(policyId))
        ?? throw ApiError.NotFound("policy", policyId).ToRpcException();

    /// <summary>The officer's bureau must exist and be within the key's scope, like any bureau a request names.</summary>
    public static void EnsureOfficer(this PolicyCatalog catalog, RequestOfficer officer, ServerCallContext context)
    {
        catalog.ThrowIfUnknownOfficerBureau(officer);
        CallerContext.Of(context).EnsureBureau(officer.Bureau);
    }

    public static void ThrowIfUnknownOfficerBureau(this PolicyCatalog catalog, RequestOfficer officer, string field = "officer.bureau_code")
    {
        if (catalog.FindBureau(officer.Bureau) is null)
            throw ApiError.Invalid(field, $"unknown bureau '{officer.Bureau.Value}'").ToRpcException();
    }
}
