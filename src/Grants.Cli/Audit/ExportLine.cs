using System.Globalization;
using System.Text;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>One event as a line of the export (docs/AUDIT.md): the canonical object the chain hash covers, exactly,
/// with "prev_hash" and "hash" appended before the closing brace. So the hashed bytes are the line with its last
/// 154 characters replaced by "}" — checkable with sed and sha256sum, or by any JSON tool that writes RFC 8785.</summary>
public static class ExportLine
{
    public static string Of(AuditEvent e)
    {
        var line = new StringBuilder(Canonical(e));
        line.Length--; // the closing brace of the canonical object
        if (e.CanonicalProblem.Length > 0)
            line.Append(",\"canonical_problem\":").Append(JsonString(e.CanonicalProblem));
        return line.Append(",\"prev_hash\":\"").Append(e.PrevHash).Append("\",\"hash\":\"").Append(e.Hash).Append("\"}").ToString();
    }

    /// <summary>The canonical bytes (as text) the chain hash covers: keys in code-unit order, no whitespace.</summary>
    public static string Canonical(AuditEvent e) =>
        new StringBuilder()
            .Append("{\"data\":").Append(e.DataJson)
            .Append(",\"metadata\":").Append(e.MetadataJson)
            .Append(",\"position\":").Append(e.Position.ToString(CultureInfo.InvariantCulture))
            .Append(",\"recorded_at\":").Append(JsonString(RecordedAt(e)))
            .Append(",\"stream_id\":").Append(JsonString(e.StreamId))
            .Append(",\"stream_type\":").Append(JsonString(e.StreamType))
            .Append(",\"type\":").Append(JsonString(e.Type))
            .Append(",\"version\":").Append(e.Version.ToString(CultureInfo.InvariantCulture))
            .Append('}').ToString();

    /// <summary>UTC with exactly six fractional digits, as the hash covers it.</summary>
    public static string RecordedAt(AuditEvent e) =>
        e.RecordedAt.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A JSON string the RFC 8785 way: only '"', '\' and control characters escaped, everything else literal.</summary>
    public static string JsonString(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\b' => "\\b",
                '\f' => "\\f",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return text.Append('"').ToString();
    }
}
