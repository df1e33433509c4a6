using System.Collections.Frozen;

namespace Grants.Api.Auth;

/// <summary>Every key the server accepts, by hash: the configured ones (production) and those stored in the
/// api_keys table (the embedded default's development keys). Built at start-up; lookups are lock-free.</summary>
public sealed class ApiKeyRegistry
{
    private readonly IReadOnlyList<ApiKey> _configured;
    private FrozenDictionary<string, ApiKey> _byHash;

    public ApiKeyRegistry(IEnumerable<ApiKeyOptions> configured)
    {
        _configured = Validate(configured);
        _byHash = Index([], _configured);
    }

    public int Count => _byHash.Count;

    public IEnumerable<string> Names => _byHash.Values.Select(k => k.Name).Order(StringComparer.Ordinal);

    /// <summary>The key presented in an authorization header, or null when it is not one of ours.</summary>
    public ApiKey? Find(string presentedKey) =>
        _byHash.GetValueOrDefault(ApiKey.Hash(presentedKey));

    /// <summary>Replaces the keys read from the database. Configured keys win when a hash appears in both.</summary>
    public void UseStoredKeys(IEnumerable<ApiKey> stored) => _byHash = Index(stored, _configured);

    private static FrozenDictionary<string, ApiKey> Index(IEnumerable<ApiKey> stored, IEnumerable<ApiKey> configured)
    {
        var byHash = new Dictionary<string, ApiKey>(StringComparer.Ordinal);
        foreach (var key in stored.Concat(configured))
            byHash[key.Sha256Hex] = key;
        return byHash.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static List<ApiKey> Validate(IEnumerable<ApiKeyOptions> configured)
    {
        var keys = new List<ApiKey>();
        var problems = new List<string>();
        foreach (var (option, index) in configured.Select((o, i) => (o, i)))
        {
            var where = $"Grants:ApiKeys:{index} ({(option.Name.Length > 0 ? option.Name : "no name")})";
            if (string.IsNullOrWhiteSpace(option.Name))
                problems.Add($"{where}: Name is required.");
            if (!ApiKey.IsHash(option.Sha256))
                problems.Add($"{where}: Sha256 must be the 64 hex digits of the key's SHA-256, never the key itself.");
            if (option.Roles.Count == 0)
                problems.Add($"{where}: at least one role is required.");
            problems.AddRange(option.Roles.Where(r => !Roles.IsKnown(r))
                .Select(r => $"{where}: unknown role '{r}' (known: {string.Join(", ", Roles.All)})."));
            keys.Add(new ApiKey(option.Name, option.Sha256.ToLowerInvariant(),
                option.Roles.ToFrozenSet(StringComparer.Ordinal), CallerScope.Of(option.Bureaus, option.Jurisdictions)));
        }
        problems.AddRange(keys.GroupBy(k => k.Name).Where(g => g.Count() > 1).Select(g => $"API key name '{g.Key}' is configured twice."));
        problems.AddRange(keys.GroupBy(k => k.Sha256Hex).Where(g => g.Count() > 1)
            .Select(g => $"API keys {string.Join(" and ", g.Select(k => $"'{k.Name}'"))} have the same hash."));
        return problems.Count == 0
            ? keys
            : throw new InvalidOperationException("Invalid API key configuration:\n" + string.Join("\n", problems));
    }
}
