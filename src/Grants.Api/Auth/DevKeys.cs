using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text.Json;
using Grants.Api.Storage;
using Npgsql;

namespace Grants.Api.Auth;

/// <summary>The embedded default's development keys: one random key per role, so a newcomer and the CLI can call at
/// once. Hashes go to grants.api_keys (origin "dev"); the plain keys go only to a file readable by its owner alone
/// (mode 0600). Production configuration never calls this. A file whose keys the database no longer knows (a fresh
/// database, a hand-edited file) is replaced by a new set.</summary>
public static class DevKeys
{
    public const string Origin = "dev";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <returns>True when a new set was generated, false when the file's keys were still valid.</returns>
    public static async Task<bool> Ensure(NpgsqlDataSource dataSource, string filePath, CancellationToken ct = default)
    {
        var stored = (await ApiKeyTable.HashesOfOrigin(dataSource, Origin, ct)).ToFrozenSet(StringComparer.Ordinal);
        if (ReadFile(filePath) is { } existing && IsComplete(existing, stored))
        {
            RestrictToOwner(filePath);
            return false;
        }

        var keys = Roles.All.ToDictionary(role => role, _ => NewKey(), StringComparer.Ordinal);
        await ApiKeyTable.ReplaceOrigin(dataSource, Origin, keys.Select(k => new ApiKey(
            $"dev-{k.Key}", ApiKey.Hash(k.Value), new HashSet<string> { k.Key }, CallerScope.All)), ct);
        WriteFile(filePath, keys);
        return true;
    }

    /// <summary>The role → key map of a dev keys file, or null when it is missing or unreadable.</summary>
    public static IReadOnlyDictionary<string, string>? ReadFile(string filePath)
    {
        try
        {
            return File.Exists(filePath)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(filePath))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsComplete(IReadOnlyDictionary<string, string> file, IReadOnlySet<string> storedHashes) =>
        storedHashes.Count == Roles.All.Count &&
        Roles.All.All(role => file.TryGetValue(role, out var key) && storedHashes.Contains(ApiKey.Hash(key)));

    private static string NewKey() => "gk_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    // Written to a private temporary file and renamed over the old one, so the keys never sit in a file anyone
    // else can read, not even for a moment.
    private static void WriteFile(string filePath, IReadOnlyDictionary<string, string> keys)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(filePath))!;
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(directory);
        else
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var temporary = Path.Combine(directory, $".dev-keys.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
            JsonSerializer.Serialize(stream, keys, Indented);
        File.Move(temporary, filePath, overwrite: true);
    }

    private static void RestrictToOwner(string filePath)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(filePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
