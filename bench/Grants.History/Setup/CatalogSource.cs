using Grants.Projections.Catalog;
using Grants.Domain.Catalog;
using Grants.EventStore;

namespace Grants.History.Setup;

/// <summary>The catalog as its stream records it, read the way the server's CatalogState does. A bare database (a
/// throwaway cluster) is seeded first through the same decider the server's seeder uses, so the history never
/// depends on a catalog the server would not have built.</summary>
public static class CatalogSource
{
    public static async Task<PolicyCatalog> Load(PostgresEventStore store, string? seedsDirectory, CancellationToken ct)
    {
        var (catalog, version) = await CatalogStream.Read(store, ct);
        if (version > 0)
            return catalog;

        var seeds = seedsDirectory ?? Locate();
        var events = CatalogDecider.DecideSeed(catalog, ReadSeed(seeds));
        Console.Error.WriteLine($"history: the catalog stream is empty; seeding {events.Count} catalog events from {seeds}");
        await store.Append(new StreamAppend(CatalogEvents.StreamId, CatalogEvents.StreamType, ExpectedVersion.NoStream, [.. events]),
            new EventMetadata("system:catalog-seed", $"catalog-seed-{Guid.NewGuid():N}"), ct);
        return (await CatalogStream.Read(store, ct)).Catalog;
    }

    private static PolicyCatalog ReadSeed(string directory)
    {
        SeedFile Read(string relative) => new(relative, File.ReadAllText(Path.Combine(directory, relative)));
        var policies = Directory.EnumerateFiles(Path.Combine(directory, "policies"), "*.json")
            .Order(StringComparer.Ordinal)
            .Select(path => Read(Path.GetRelativePath(directory, path)));
        return CatalogSeed.Parse(Read("jurisdictions.json"), Read("bureaus.json"), policies);
    }

    /// <summary>The repository's seeds/ folder above the binaries or the working directory (run from the source tree).</summary>
    private static string Locate()
    {
        foreach (var root in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "seeds");
                if (File.Exists(Path.Combine(candidate, "bureaus.json")))
                    return candidate;
            }
        }
        throw new InvalidOperationException("the catalog is not seeded and no seeds/ folder was found: pass --seeds DIR");
    }
}
