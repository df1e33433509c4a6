using Grants.Domain.Catalog;

namespace Grants.Projections.Tests.Support;

/// <summary>The repository's own seeds/ folder, parsed once per test run: the ledgers are tested against the real
/// catalog (HP-2024-3 art.1 caps, art.18 每人不超过 100 万元, the 2025-2027 window), not a hand-made one.</summary>
internal static class Seeds
{
    private static readonly Lazy<PolicyCatalog> Parsed = new(() => CatalogSeed.Parse(
        Read("jurisdictions.json"),
        Read("bureaus.json"),
        Directory.EnumerateFiles(RepoPaths.Combine("seeds", "policies"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => Read(Path.GetRelativePath(RepoPaths.Combine("seeds"), path)))));

    public static PolicyCatalog Catalog => Parsed.Value;

    private static SeedFile Read(string relative) => new(relative, File.ReadAllText(RepoPaths.Combine("seeds", relative)));
}
