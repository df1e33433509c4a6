using Grants.Domain.Catalog;
using Grants.Domain.Tests.Support;

namespace Grants.Domain.Tests.Catalog;

/// <summary>The repository's own seeds/ folder, read once per test run.</summary>
internal static class SeedData
{
    private static readonly Lazy<PolicyCatalog> Loaded = new(() => CatalogSeed.Parse(
        File("jurisdictions.json"), File("bureaus.json"), PolicyFiles()));

    public static string Folder => RepoPaths.Combine("seeds");

    public static PolicyCatalog Catalog => Loaded.Value;

    public static SeedFile File(string relativePath) =>
        new(relativePath, System.IO.File.ReadAllText(Path.Combine(Folder, relativePath)));

    public static IReadOnlyList<SeedFile> PolicyFiles() =>
        [.. Directory.EnumerateFiles(Path.Combine(Folder, "policies"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(p => File(Path.GetRelativePath(Folder, p)))];

    public static Policy Policy(string id) => Catalog.FindPolicy(new PolicyId(id))!;

    public static Measure Measure(string id) => Catalog.FindMeasure(new MeasureId(id))!;
}
