using Google.Protobuf.WellKnownTypes;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.EventStore;

namespace Grants.Api.Services.Audit;

/// <summary>Field checks the audit requests need beyond <see cref="RequestChecks"/>'s.</summary>
internal static class AuditChecks
{
    public const int MaxStreamIdLength = 200;
    public const int MaxEventTypes = 64;

    public static long Position(this RequestChecks checks, long value, string field)
    {
        if (value < 0)
            checks.Add(field, "must be 0 or a positive position");
        return value;
    }

    /// <summary>A valid instant (google.protobuf.Timestamp within 0001-9999, nanos 0-999,999,999); null when absent.</summary>
    public static DateTimeOffset? Instant(this RequestChecks checks, Timestamp? value, string field)
    {
        if (value is null)
            return null;
        try
        {
            return value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            checks.Add(field, "is not a valid timestamp");
            return null;
        }
    }

    public static IReadOnlyList<string>? EventTypes(this RequestChecks checks, IReadOnlyList<string> types, string field)
    {
        if (types.Count > MaxEventTypes)
            checks.Add(field, $"must list at most {MaxEventTypes} types");
        for (var i = 0; i < types.Count; i++)
            checks.Id(types[i], $"{field}[{i}]", 100);
        return types.Count == 0 ? null : types;
    }

    /// <summary>A digest kept by an auditor: 64 hex digits at a position; null when absent.</summary>
    public static ChainHead? Digest(this RequestChecks checks, Digest? digest, string field)
    {
        if (digest is null)
            return null;
        checks.Position(digest.Position, $"{field}.position");
        if (digest.Hash.Length != EventHashing.HashLength * 2 || !digest.Hash.All(Uri.IsHexDigit))
        {
            checks.Add($"{field}.hash", $"must be {EventHashing.HashLength * 2} hex digits");
            return null;
        }
        return new ChainHead(digest.Position, Convert.FromHexString(digest.Hash));
    }
}
