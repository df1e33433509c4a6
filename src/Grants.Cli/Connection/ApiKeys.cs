using System.Text.Json;

namespace Grants.Cli.Connection;

/// <summary>Where the CLI's credentials come from: <c>GRANTS_API_KEY</c> (one key, used for every call), else the
/// embedded server's development keys file (<c>.grants/dev-keys.json</c>, one key per role) found in the working
/// directory or above it, or under <c>Grants__Home</c> when the server was started with another home.</summary>
public sealed class ApiKeys
{
    public const string KeyVariable = "GRANTS_API_KEY";
    public const string HomeVariable = "Grants__Home";
    public const string DevKeysFile = "dev-keys.json";

    private readonly string? _single;
    private readonly IReadOnlyDictionary<string, string> _byRole;

    private ApiKeys(string? single, IReadOnlyDictionary<string, string> byRole, string source)
    {
        _single = single;
        _byRole = byRole;
        Source = source;
    }

    /// <summary>Where the keys were found, for messages ("GRANTS_API_KEY" or the file's path).</summary>
    public string Source { get; }

    public static ApiKeys Resolve(CliEnvironment environment)
    {
        if (environment.Variable(KeyVariable) is { Length: > 0 } key)
            return new ApiKeys(key.Trim(), new Dictionary<string, string>(), KeyVariable);
        var file = FindDevKeysFile(environment);
        return file is null
            ? new ApiKeys(null, new Dictionary<string, string>(), "")
            : new ApiKeys(null, ReadDevKeys(file), file);
    }

    /// <summary>The key for the first of <paramref name="roles"/> the source has (any, with GRANTS_API_KEY).</summary>
    public string For(IReadOnlyList<string> roles)
    {
        if (_single is not null)
            return _single;
        foreach (var role in roles)
        {
            if (_byRole.TryGetValue(role, out var key) && key.Length > 0)
                return key;
        }
        var wanted = string.Join(" or ", roles);
        throw new CliException(Source.Length == 0
            ? $"no API key: set {KeyVariable} (a key with role {wanted}), or run the embedded server " +
              "(./scripts/run.sh), which writes .grants/dev-keys.json, and call from the repository"
            : $"{Source} has no key for role {wanted}");
    }

    internal static string? FindDevKeysFile(CliEnvironment environment)
    {
        if (environment.Variable(HomeVariable) is { Length: > 0 } home)
        {
            var configured = Path.GetFullPath(Path.Combine(environment.WorkingDirectory, home, DevKeysFile));
            if (File.Exists(configured))
                return configured;
        }
        for (var directory = new DirectoryInfo(environment.WorkingDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, ".grants", DevKeysFile);
            if (File.Exists(candidate))
                return candidate;
        }
        return null;
    }

    private static Dictionary<string, string> ReadDevKeys(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(file))
                   ?? throw new CliException($"{file} is empty");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {file}: {e.Message}");
        }
    }
}
