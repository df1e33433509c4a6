using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.Extensions.Primitives;

namespace Grants.Api.Auth;

/// <summary>Authenticates and authorizes every gRPC call before it reaches a service, also calls to methods that
/// are not implemented (so probing learns nothing without a key). Health and reflection stay anonymous.
/// On success the <see cref="CallerContext"/> is attached to the request for the services.</summary>
public sealed partial class ApiKeyMiddleware(RequestDelegate next, ApiKeyRegistry keys, IBureauDirectory directory,
                                             ILogger<ApiKeyMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var method = GrpcMethodOf(context);
        if (method is null || MethodRoles.IsAnonymous(method))
            return next(context);

        if (BearerToken(context.Request.Headers.Authorization) is not { } presented)
            return Refuse(context, StatusCode.Unauthenticated, "missing credential: send 'authorization: Bearer <API key>'");
        if (keys.Find(presented) is not { } key)
        {
            LogUnknownKey(logger, method);
            return Refuse(context, StatusCode.Unauthenticated, "unknown API key");
        }

        var allowed = MethodRoles.AllowedRoles(method);
        if (!key.Roles.Overlaps(allowed))
        {
            LogRoleRefused(logger, key.Name, method);
            return Refuse(context, StatusCode.PermissionDenied, allowed.Count == 0
                ? $"API key '{key.Name}' may not call {method}: no role may"
                : $"API key '{key.Name}' (roles {string.Join(", ", key.Roles.Order())}) may not call {method}; " +
                  $"allowed roles: {string.Join(", ", allowed.Order())}");
        }

        context.Features.Set(new CallerContext(key.Name, key.Roles, key.Scope, directory));
        return next(context);
    }

    /// <summary>The full gRPC method ("/grants.v1.CatalogService/ListPolicies") of a gRPC call, whether or not a
    /// service implements it; null for anything else.</summary>
    private static string? GrpcMethodOf(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is { } metadata)
            return metadata.Method.FullName;
        var contentType = context.Request.ContentType;
        return contentType is not null && contentType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase)
            ? context.Request.Path.Value
            : null;
    }

    private static string? BearerToken(StringValues header)
    {
        const string scheme = "Bearer ";
        var value = header.Count == 1 ? header[0] : null;
        return value is not null && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && value.Length > scheme.Length
            ? value[scheme.Length..].Trim()
            : null;
    }

    // A trailers-only gRPC response: the status travels in the headers and no message follows.
    private static Task Refuse(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            response.StatusCode = code == StatusCode.Unauthenticated ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            return response.WriteAsync(message, context.RequestAborted);
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method}: unknown API key")]
    private static partial void LogUnknownKey(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} to API key {KeyName}: role not allowed")]
    private static partial void LogRoleRefused(ILogger logger, string keyName, string method);
}
