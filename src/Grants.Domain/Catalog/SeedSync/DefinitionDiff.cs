using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Grants.Domain.Catalog;

/// <summary>Field-by-field differences between two definitions, compared in their wire (JSON) form so that exactly
/// what is stored is what is compared. Measures are matched by article, so inserting one does not shift the rest.</summary>
public static class DefinitionDiff
{
    // Chinese titles and quotes stay readable in the stored change list instead of becoming \uXXXX escapes.
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static IReadOnlyList<FieldChange> Between<T>(T before, T after)
    {
        var old = Flatten(JsonSerializer.SerializeToNode(before, Readable));
        var @new = Flatten(JsonSerializer.SerializeToNode(after, Readable));

        return [.. old.Keys.Union(@new.Keys)
            .Select(field => new FieldChange(field, old.GetValueOrDefault(field), @new.GetValueOrDefault(field)))
            .Where(c => c.Before != c.After)];
    }

    private static Dictionary<string, string> Flatten(JsonNode? root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", fields);
        return fields;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> fields)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o)
                {
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", fields);
                }

                break;
            case JsonArray a when path == "measures":
                foreach (var measure in a.OfType<JsonObject>())
                {
                    Walk(measure, $"measures[{measure["article"]?.GetValue<string>()}]", fields);
                }

                break;
            default:
                // Lists (bureaus, applicants, tiers) compare whole: their order is meaningful (the first bureau pays).
                fields[path] = node?.ToJsonString(Readable) ?? "null";
                break;
        }
    }
}
