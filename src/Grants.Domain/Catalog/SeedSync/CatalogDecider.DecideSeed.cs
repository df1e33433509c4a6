namespace Grants.Domain.Catalog;

public static partial class CatalogDecider
{
    /// <summary>The events that bring the catalog in line with the seed: registrations for what is new, revisions
    /// (with what changed) for what differs, nothing for what is equal, so loading the same seed twice adds nothing.
    /// What the seed no longer lists stays: the catalog only grows, and awards made under it keep their measure.
    /// Configured caps are not part of the seed and are left alone.</summary>
    public static IReadOnlyList<ICatalogEvent> DecideSeed(PolicyCatalog current, PolicyCatalog seed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(seed);

        var events = new List<ICatalogEvent>();
        foreach (var j in seed.Jurisdictions.Select(j => j.ToDefinition()))
        {
            events.AddRange(Sync(current.FindJurisdiction(new JurisdictionCode(j.Code))?.ToDefinition(), j,
                d => new JurisdictionRegistered(d), (d, c) => new JurisdictionRevised(d, c)));
        }

        foreach (var b in seed.Bureaus.Select(b => b.ToDefinition()))
        {
            events.AddRange(Sync(current.FindBureau(new BureauCode(b.Code))?.ToDefinition(), b,
                d => new BureauRegistered(d), (d, c) => new BureauRevised(d, c)));
        }

        foreach (var p in seed.Policies.Select(p => p.ToDefinition()))
        {
            events.AddRange(Sync(current.FindPolicy(new PolicyId(p.Id))?.ToDefinition(), p,
                d => new PolicyRegistered(d), (d, c) => new PolicyRevised(d, c)));
        }

        return events;
    }

    private static IEnumerable<ICatalogEvent> Sync<T>(
        T? before, T after, Func<T, ICatalogEvent> registered, Func<T, IReadOnlyList<FieldChange>, ICatalogEvent> revised)
        where T : class
    {
        if (before is null)
        {
            return [registered(after)];
        }

        var changes = DefinitionDiff.Between(before, after);
        return changes.Count == 0 ? [] : [revised(after, changes)];
    }
}
