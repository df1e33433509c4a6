using System.Text.Json.Nodes;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

public sealed class DecideSeedTests
{
    private static PolicyCatalog Loaded(PolicyCatalog seed) =>
        CatalogDecider.Evolve(PolicyCatalog.Empty, CatalogDecider.DecideSeed(PolicyCatalog.Empty, seed));

    [Fact]
    public void Given_an_empty_catalog_When_the_repository_seed_is_decided_Then_each_jurisdiction_bureau_and_policy_is_registered_once()
    {
        var events = CatalogDecider.DecideSeed(PolicyCatalog.Empty, SeedData.Catalog);

        Assert.Equal(3, events.OfType<JurisdictionRegistered>().Count());
        Assert.Equal(SeedData.Catalog.Bureaus.Count, events.OfType<BureauRegistered>().Count());
        Assert.Equal(
            ["HP-2024-3", "PD-2025-29", "SH-2024-14"],
            events.OfType<PolicyRegistered>().Select(e => e.Policy.Id).Order(StringComparer.Ordinal));
        Assert.Equal(3 + SeedData.Catalog.Bureaus.Count + 3, events.Count);
        // Parents before the bureaus and policies that refer to them, so a reader can replay in order.
        Assert.IsType<JurisdictionRegistered>(events[0]);
        Assert.IsType<PolicyRegistered>(events[^1]);
    }

    [Fact]
    public void Given_the_catalog_built_from_the_seed_events_When_the_same_seed_is_decided_again_Then_there_are_no_events()
    {
        var current = Loaded(SeedData.Catalog);

        Assert.Empty(CatalogDecider.DecideSeed(current, SeedData.Catalog));
    }

    [Fact]
    public void Given_a_registered_policy_When_the_seed_changes_a_cap_Then_policy_revised_names_the_field_with_before_and_after()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy()));
        var edited = TestSeed.Policy();
        TestSeed.Measure(edited, "1")["limits"]!["cap_fen"] = 50_000_000;

        var revised = Assert.IsType<PolicyRevised>(Assert.Single(CatalogDecider.DecideSeed(current, TestSeed.Parse(edited))));

        Assert.Equal([new FieldChange("measures[1].limits.cap_fen", "100000000", "50000000")], revised.Changes);
        Assert.Equal(50_000_000, revised.Policy.Measures[0].Limits!.CapFen);
    }

    [Fact]
    public void Given_a_revision_When_evolved_Then_the_catalog_has_the_new_definition_and_deciding_again_gives_nothing()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy()));
        var edited = TestSeed.Policy();
        TestSeed.Measure(edited, "3")["title_en"] = "Integrated services";
        var seed = TestSeed.Parse(edited);

        var revised = CatalogDecider.Evolve(current, CatalogDecider.DecideSeed(current, seed));

        Assert.Equal("Integrated services", revised.FindMeasure(new MeasureId("T-1/3"))!.TitleEn);
        Assert.Empty(CatalogDecider.DecideSeed(revised, seed));
    }

    [Fact]
    public void Given_a_seed_that_adds_a_measure_When_decided_Then_the_revision_lists_its_fields_as_new()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy()));
        var edited = TestSeed.Policy();
        var added = TestSeed.Measure(edited, "3").DeepClone().AsObject();
        added["article"] = "4";
        edited["measures"]!.AsArray().Add(added);

        var revised = Assert.IsType<PolicyRevised>(Assert.Single(CatalogDecider.DecideSeed(current, TestSeed.Parse(edited))));

        Assert.All(revised.Changes, c => Assert.StartsWith("measures[4].", c.Field, StringComparison.Ordinal));
        Assert.All(revised.Changes, c => Assert.Null(c.Before));
        Assert.Contains(new FieldChange("measures[4].kind", null, "\"non_monetary\""), revised.Changes);
    }

    [Fact]
    public void Given_a_registered_bureau_When_the_seed_renames_it_Then_bureau_revised_carries_the_new_name()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy()));
        var bureaus = JsonNode.Parse(TestSeed.Bureaus)!.AsArray();
        bureaus[0]!["name_zh"] = "测试甲委员会";
        var seed = CatalogSeed.Parse(TestSeed.Jurisdictions, bureaus.ToJsonString(), [TestSeed.Policy().ToJsonString()]);

        var revised = Assert.IsType<BureauRevised>(Assert.Single(CatalogDecider.DecideSeed(current, seed)));

        Assert.Equal([new FieldChange("name_zh", "\"测试甲局\"", "\"测试甲委员会\"")], revised.Changes);
    }

    [Fact]
    public void Given_a_policy_the_seed_no_longer_lists_When_decided_Then_nothing_is_removed()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy("T-1"), TestSeed.Policy("T-2")));

        Assert.Empty(CatalogDecider.DecideSeed(current, TestSeed.Parse(TestSeed.Policy("T-1"))));
    }

    [Fact]
    public void Given_a_configured_cap_When_the_policy_is_revised_Then_the_configured_cap_stays()
    {
        var current = Loaded(TestSeed.Parse(TestSeed.Policy()));
        var configured = new MeasureCapConfigured(new MeasureId("T-1/2"), Money.FromYuan(3000), new BureauCode("T-B"), "测细则〔2025〕1号", new DateOnly(2025, 3, 1));
        current = CatalogDecider.Evolve(current, configured);
        var edited = TestSeed.Policy();
        TestSeed.Measure(edited, "2")["title_en"] = "Funding";

        var revised = CatalogDecider.Evolve(current, CatalogDecider.DecideSeed(current, TestSeed.Parse(edited)));

        var measure = revised.FindMeasure(new MeasureId("T-1/2"))!;
        Assert.Equal("Funding", measure.TitleEn);
        Assert.Equal(Money.FromYuan(3000), revised.EffectiveCap(measure, new DateOnly(2025, 6, 1)));
    }
}
