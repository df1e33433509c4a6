using System.Text;
using Google.Rpc;
using Grpc.Core;

namespace Grants.Cli.Output;

/// <summary>A refused call as one line: the status code as the contract names it, the server's message, and the
/// google.rpc details that say exactly what to fix (bad fields, the limit or state rule and its headroom, the
/// missing resource).</summary>
public static class RpcErrorText
{
    public static string Describe(RpcException e, Uri? server = null)
    {
        var message = e.Status.Detail;
        var details = Details(e);
        // The server's message often already is the details in prose (one or all bad fields), or a part of them
        // (a limit's description): print each fact once.
        List<string> parts = details.Count > 0 && details.All(d => message.Contains(d, StringComparison.Ordinal)) ? [message]
            : details.Any(d => d.Contains(message, StringComparison.Ordinal)) ? details
            : [.. new[] { message }.Where(m => m.Length > 0), .. details];
        var text = new StringBuilder(CodeName(e.StatusCode));
        if (parts.Count > 0)
            text.Append(": ").AppendJoin("; ", parts);
        if (e.StatusCode == StatusCode.Unavailable && server is not null)
            text.Append(" (is the server running at ").Append(server).Append("? start it with ./scripts/run.sh)");
        if (e.StatusCode == StatusCode.Unauthenticated)
            text.Append(" (check GRANTS_API_KEY or .grants/dev-keys.json)");
        return text.ToString();
    }

    public static int ExitCode(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded ? ExitCodes.Unavailable : ExitCodes.Refused;

    /// <summary>"FailedPrecondition" → "FAILED_PRECONDITION", as the gRPC specification and the contract spell it.</summary>
    public static string CodeName(StatusCode code) => CodeName(code.ToString());

    public static string CodeName<TEnum>(TEnum value) where TEnum : struct, Enum => CodeName(value.ToString());

    private static string CodeName(string name)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
                result.Append('_');
            result.Append(char.ToUpperInvariant(name[i]));
        }
        return result.ToString();
    }

    private static List<string> Details(RpcException e)
    {
        var status = e.GetRpcStatus();
        if (status is null)
            return [];
        var details = new List<string>();
        if (status.GetDetail<BadRequest>() is { } badRequest)
            details.AddRange(badRequest.FieldViolations.Select(v => $"{v.Field}: {v.Description}"));
        if (status.GetDetail<PreconditionFailure>() is { } precondition)
            details.AddRange(precondition.Violations.Select(v =>
                $"{v.Type} {v.Subject}: {v.Description}".Trim()));
        if (status.GetDetail<ResourceInfo>() is { } resource && !details.Any() &&
            !status.Message.Contains(resource.ResourceName, StringComparison.Ordinal))
            details.Add($"{resource.ResourceType} '{resource.ResourceName}'");
        return details;
    }
}
