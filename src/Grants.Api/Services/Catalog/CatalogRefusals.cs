using Grants.Api.Errors;
using Grants.Domain.Catalog;
using Grpc.Core;

namespace Grants.Api.Services.Catalog;

/// <summary>The catalog decider's refusal codes as the contract's error kinds (catalog.proto, ConfigureMeasureCap).</summary>
public static class CatalogRefusals
{
    public static RpcException ToRpcException(this CatalogError error, MeasureId measure) => (error.Code switch
    {
        "measure_not_found" => ApiError.NotFound("measure", measure.Value),
        "cap_not_positive" or "cap_below_floor" => ApiError.Invalid("cap_fen", error.Message),
        "rule_reference_missing" => ApiError.Invalid("rule_reference", error.Message),
        // measure_not_monetary, cap_not_set_by_bureau_rule, bureau_not_responsible, effective_after_policy_end:
        // the request is well formed, the measure just does not take it.
        _ => ApiError.WrongState($"measure {measure.Value}", $"{error.Code}: {error.Message}"),
    }).ToRpcException();
}
