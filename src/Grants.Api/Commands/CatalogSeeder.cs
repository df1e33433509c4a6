using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.Api.Commands;

/// <summary>Brings the catalog stream in line with the seed files at start-up. Idempotent: unchanged seeds append
/// nothing; a changed file appends revision events (never a silent overwrite). Safe on several servers at once:
/// the append expects the version it read, and a loser re-reads and usually finds nothing left to do.</summary>
public sealed partial class CatalogSeeder(PostgresEventStore store, CatalogState catalog, ILogger<CatalogSeeder> logger)
{
    public async Task Seed(string seedsDirectory, CancellationToken ct)
    {
        var seed = ReadSeed(seedsDirectory);
        for (var attempt = 1; ; attempt++)
        {
            var current = await catalog.Current(ct);
            var events = CatalogDecider.DecideSeed(current, seed);
            if (events.Count == 0)
                return;
            try
            {
                await store.Append(
                    new StreamAppend(CatalogEvents.StreamId, CatalogEvents.StreamType, Math.Max(catalog.Version, 0), [.. events]),
                    new EventMetadata("system:catalog-seed", $"catalog-seed-{Guid.NewGuid():N}"), ct);
                await catalog.Current(ct);
                LogSeeded(logger, events.Count, seedsDirectory);
                return;
            }
            catch (ConcurrencyException) when (attempt < 5)
            {
                // another server seeded at the same moment: decide again against what it wrote
            }
        }
    }

    public static PolicyCatalog ReadSeed(string directory)
    {
        SeedFile Read(string relative) => new(relative, File.ReadAllText(Path.Combine(directory, relative)));
        var policies = Directory.EnumerateFiles(Path.Combine(directory, "policies"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => Read(Path.GetRelativePath(directory, path)));
        return CatalogSeed.Parse(Read("jurisdictions.json"), Read("bureaus.json"), policies);
    }

    /// <summary>Configured path, else the seeds copied next to the binaries, else the repository's seeds/ above them.</summary>
    public static string Locate(IConfiguration configuration)
    {
        if (configuration["Grants:Seeds"] is { Length: > 0 } configured)
            return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "bureaus.json")))
                return candidate;
        }

        throw new InvalidOperationException("policy seeds not found: set Grants:Seeds to the folder holding bureaus.json");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Catalog: appended {Count} events from the seeds in {Directory}")]
    private static partial void LogSeeded(ILogger logger, int count, string directory);
}
