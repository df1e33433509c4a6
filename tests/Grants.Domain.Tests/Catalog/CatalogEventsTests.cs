using System.Text.RegularExpressions;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

public sealed class CatalogEventsTests
{
    [Fact]
    public void Given_the_catalog_event_list_When_read_Then_names_are_unique_versioned_snake_case()
    {
        Assert.Equal(CatalogEvents.All.Count, CatalogEvents.All.Select(e => e.Name).Distinct().Count());
        Assert.All(CatalogEvents.All, e => Assert.Matches(new Regex(@"^[a-z]+(_[a-z]+)*\.v[0-9]+$"), e.Name));
        Assert.Contains(("measure_cap_configured.v1", typeof(MeasureCapConfigured)), CatalogEvents.All);
        Assert.Contains(("policy_revised.v1", typeof(PolicyRevised)), CatalogEvents.All);
    }

    [Fact]
    public void Given_the_domain_assembly_When_catalog_event_types_are_scanned_Then_every_one_is_listed()
    {
        var types = typeof(ICatalogEvent).Assembly.GetTypes()
            .Where(t => t.IsClass && !t.IsAbstract && typeof(ICatalogEvent).IsAssignableFrom(t));

        Assert.Equal(types.OrderBy(t => t.Name), CatalogEvents.All.Select(e => e.Type).OrderBy(t => t.Name));
    }

    [Fact]
    public void Given_a_catalog_event_When_its_name_is_asked_Then_the_stored_name_is_returned()
    {
        var e = new BureauRegistered(new BureauDefinition { Code = "X", NameZh = "甲", ShortNameZh = "甲", NameEn = "A", Jurisdiction = "SH" });

        Assert.Equal("bureau_registered.v1", CatalogEvents.NameOf(e));
    }
}
