using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grants.Contracts.V1;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>The chain hash recomputed from the wire fields the way docs/AUDIT.md tells an auditor to, without the
/// store's code: the canonical envelope written by hand around the canonical data and metadata text.</summary>
internal static class IndependentHash
{
    public static string Envelope(AuditEvent e) =>
        "{\"data\":" + e.DataJson +
        ",\"metadata\":" + e.MetadataJson +
        ",\"position\":" + e.Position.ToString(CultureInfo.InvariantCulture) +
        ",\"recorded_at\":\"" + e.RecordedAt.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture) + "\"" +
        ",\"stream_id\":" + AsciiString(e.StreamId) +
        ",\"stream_type\":" + AsciiString(e.StreamType) +
        ",\"type\":" + AsciiString(e.Type) +
        ",\"version\":" + e.Version.ToString(CultureInfo.InvariantCulture) + "}";

    public static string Of(string previousHex, AuditEvent e) =>
        Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(previousHex), .. Encoding.UTF8.GetBytes(Envelope(e))]));

    /// <summary>Ids and type names are printable ASCII; only a quote or a backslash would need escaping.</summary>
    private static string AsciiString(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
