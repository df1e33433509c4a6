using Grants.Api.Errors;
using Grants.Domain;

namespace Grants.Api.Commands;

/// <summary>Domain refusals as the contract's error kinds: limits and lifecycle are FAILED_PRECONDITION, bad fields
/// INVALID_ARGUMENT, unknown things NOT_FOUND, duplicates ALREADY_EXISTS.</summary>
public static class DomainErrorMapping
{
    private static readonly HashSet<string> NotFound =
    [
        ErrorCodes.ApplicationNotFound, ErrorCodes.ApplicantNotFound, ErrorCodes.BudgetNotFound, ErrorCodes.UnknownMeasure,
        ErrorCodes.UnknownTranche, ErrorCodes.UnknownClawback,
    ];

    private static readonly HashSet<string> Exists = [ErrorCodes.ApplicationExists, ErrorCodes.ApplicantExists, ErrorCodes.ClawbackExists];

    public static ApiError ToApiError(this DomainError error, string subject)
    {
        if (error.Limit is { } limit)
            return ApiError.LimitBreached(limit.LimitName, error.Message);
        if (NotFound.Contains(error.Code))
            return new ApiError(ApiErrorKind.NotFound, error.Message) { Subject = error.Field ?? error.Code, ResourceName = subject };
        if (Exists.Contains(error.Code))
            return ApiError.AlreadyExists(error.Message);
        if (IsValidation(error))
            return ApiError.Invalid(error.Field!, error.Message);
        return ApiError.WrongState(subject, $"{error.Code}: {error.Message}");
    }

    /// <summary>A field error the caller can fix by changing the request, as opposed to a rule about the state.</summary>
    private static bool IsValidation(DomainError error) =>
        error.Field is not null
        && (error.Code.StartsWith("invalid_", StringComparison.Ordinal)
            || error.Code is ErrorCodes.RequiredField or ErrorCodes.FieldTooLong or ErrorCodes.TierRequired
                or ErrorCodes.AmountNotPositive or ErrorCodes.AmountNotAllowed or ErrorCodes.UnknownTier);
}
