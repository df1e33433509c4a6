using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grants.Cli.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Audit;

/// <summary>digest.json, the auditor's copy of the chain head: {"position", "hash", "taken_at", "recorded_at"}. Only
/// position and hash matter to verification; the times say when it was taken.</summary>
public static class DigestFile
{
    public static string Format(GetDigestResponse digest) => new JsonObject
    {
        ["position"] = digest.Position,
        ["hash"] = digest.Hash,
        ["taken_at"] = digest.TakenAt?.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["recorded_at"] = digest.RecordedAt?.ToDateTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    /// <exception cref="CliException">The file is missing, a folder or not a digest.</exception>
    public static Digest Read(string path)
    {
        // Reading a folder fails with "Access to the path is denied" on some systems, which sends the user to check
        // permissions instead of the path.
        if (Directory.Exists(path))
            throw new CliException($"{path} is a folder, not a digest file (give the digest.json kept earlier)");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read digest file {path}: {e.Message}");
        }
        return Parse(text, path);
    }

    public static Digest Parse(string text, string source)
    {
        try
        {
            var root = JsonNode.Parse(text) as JsonObject;
            var position = root?["position"]?.GetValue<long>();
            var hash = root?["hash"]?.GetValue<string>();
            if (position is >= 0 && hash is { Length: 64 } && hash.All(Uri.IsHexDigit))
                return new Digest { Position = position.Value, Hash = hash.ToLowerInvariant() };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new CliException($"{source} is not a digest: {e.Message}");
        }
        throw new CliException($"{source} is not a digest: it needs \"position\" (0 or more) and \"hash\" (64 hex digits)");
    }
}
