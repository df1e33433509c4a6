namespace Grants.Api.Errors;

/// <summary>The kinds of refusal the contract distinguishes (common.proto, "Errors").</summary>
public enum ApiErrorKind
{
    /// <summary>INVALID_ARGUMENT with google.rpc.BadRequest field violations.</summary>
    InvalidArgument,
    /// <summary>FAILED_PRECONDITION with a PreconditionFailure violation of type "LIMIT".</summary>
    Limit,
    /// <summary>FAILED_PRECONDITION with a PreconditionFailure violation of type "STATE".</summary>
    State,
    /// <summary>NOT_FOUND with google.rpc.ResourceInfo.</summary>
    NotFound,
    /// <summary>ALREADY_EXISTS: the thing to create exists (the message names it).</summary>
    AlreadyExists,
    /// <summary>PERMISSION_DENIED: outside the caller's scope.</summary>
    PermissionDenied,
}

/// <summary>One bad field: the proto field path ("approved_on.month") and what is wrong with it.</summary>
public sealed record FieldViolation(string Field, string Description);

/// <summary>A refusal as the services describe it: they translate domain errors into these, and
/// <see cref="DomainErrors.ToRpcException"/> turns them into the status and details callers get.
/// <see cref="Subject"/> is the limit (Limit), the entity (State) or the resource type (NotFound).</summary>
public sealed record ApiError(ApiErrorKind Kind, string Message)
{
    public string? Subject { get; init; }
    public string? ResourceName { get; init; }
    public IReadOnlyList<FieldViolation> Fields { get; init; } = [];

    public static ApiError Invalid(string field, string description) => Invalid([new FieldViolation(field, description)]);

    public static ApiError Invalid(IReadOnlyList<FieldViolation> violations) =>
        new(ApiErrorKind.InvalidArgument, violations.Count == 1
            ? $"{violations[0].Field}: {violations[0].Description}"
            : $"{violations.Count} invalid fields: {string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}")
        { Fields = violations };

    /// <param name="limit">The limit's name, e.g. "HP-2024-3/18 per-person cap".</param>
    /// <param name="description">Its value, what is used, what was requested and the headroom, in yuan.</param>
    public static ApiError LimitBreached(string limit, string description) =>
        new(ApiErrorKind.Limit, description) { Subject = limit };

    /// <param name="subject">The entity, e.g. "application APP-1".</param>
    /// <param name="description">Why the command does not apply now, e.g. "application is withdrawn".</param>
    public static ApiError WrongState(string subject, string description) =>
        new(ApiErrorKind.State, description) { Subject = subject };

    /// <param name="resourceType">e.g. "application", "measure".</param>
    public static ApiError NotFound(string resourceType, string resourceName) =>
        new(ApiErrorKind.NotFound, $"{resourceType} '{resourceName}' not found")
        { Subject = resourceType, ResourceName = resourceName };

    public static ApiError AlreadyExists(string message) => new(ApiErrorKind.AlreadyExists, message);

    public static ApiError Denied(string message) => new(ApiErrorKind.PermissionDenied, message);
}
