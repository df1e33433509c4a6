using System.Text.Json;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

public sealed class EvolveTests
{
    private static readonly MeasureId Subsidy = new("T-1/2");

    private static MeasureCapConfigured Configured(long yuan, DateOnly from) =>
        new(Subsidy, Money.FromYuan(yuan), new BureauCode("T-B"), "测细则", from);

    private static PolicyCatalog Seeded() =>
        CatalogDecider.Evolve(PolicyCatalog.Empty, CatalogDecider.DecideSeed(PolicyCatalog.Empty, TestSeed.Parse(TestSeed.Policy())));

    [Fact]
    public void Given_a_bureau_rule_measure_When_no_cap_is_configured_Then_it_has_no_effective_cap()
    {
        var catalog = Seeded();

        Assert.Null(catalog.EffectiveCap(catalog.FindMeasure(Subsidy)!));
        Assert.Null(catalog.EffectiveCap(catalog.FindMeasure(Subsidy)!, new DateOnly(2025, 6, 1)));
    }

    [Fact]
    public void Given_caps_configured_out_of_date_order_When_asked_by_date_Then_the_cap_in_force_that_day_applies()
    {
        var catalog = CatalogDecider.Evolve(Seeded(), [Configured(9000, new DateOnly(2026, 1, 1)), Configured(6000, new DateOnly(2025, 1, 1))]);
        var measure = catalog.FindMeasure(Subsidy)!;

        Assert.Null(catalog.EffectiveCap(measure, new DateOnly(2024, 12, 31)));
        Assert.Equal(Money.FromYuan(6000), catalog.EffectiveCap(measure, new DateOnly(2025, 12, 31)));
        Assert.Equal(Money.FromYuan(9000), catalog.EffectiveCap(measure, new DateOnly(2026, 1, 1)));
        Assert.Equal(Money.FromYuan(9000), catalog.EffectiveCap(measure));
    }

    [Fact]
    public void Given_two_configurations_for_the_same_date_When_evolved_Then_the_later_one_wins()
    {
        var from = new DateOnly(2025, 1, 1);

        var catalog = CatalogDecider.Evolve(Seeded(), [Configured(6000, from), Configured(7000, from)]);

        Assert.Equal(Money.FromYuan(7000), catalog.EffectiveCap(catalog.FindMeasure(Subsidy)!, from));
    }

    [Fact]
    public void Given_a_measure_with_a_fixed_cap_When_its_effective_cap_is_asked_Then_the_text_cap_applies()
    {
        var catalog = SeedData.Catalog;

        Assert.Equal(Money.FromWan(100), catalog.EffectiveCap(catalog.FindMeasure(new MeasureId("HP-2024-3/18"))!, new DateOnly(2025, 5, 1)));
        Assert.Equal(Money.FromWan(2000), catalog.EffectiveCap(catalog.FindMeasure(new MeasureId("HP-2024-3/1"))!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_the_seed_events_stored_as_json_When_read_back_and_replayed_Then_the_catalog_matches_the_seed(bool camelCaseStore)
    {
        // Whatever naming policy the store uses, the explicit JSON names keep the stored shape and the round trip exact.
        var options = camelCaseStore ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions();
        var events = CatalogDecider.DecideSeed(PolicyCatalog.Empty, SeedData.Catalog)
            .Append(new MeasureCapConfigured(new MeasureId("HP-2024-3/17"), Money.FromYuan(3000), new BureauCode("HP-HRSS"), "黄人社规〔2025〕1号", new DateOnly(2025, 3, 1)));

        var replayed = CatalogDecider.Evolve(
            PolicyCatalog.Empty,
            events.Select(e => (ICatalogEvent)JsonSerializer.Deserialize(JsonSerializer.Serialize(e, e.GetType(), options), e.GetType(), options)!));

        Assert.Empty(CatalogDecider.DecideSeed(replayed, SeedData.Catalog));
        Assert.Equal(SeedData.Catalog.Measures.Select(m => m.Id), replayed.Measures.Select(m => m.Id));
        Assert.Equal(Money.FromYuan(3000), replayed.EffectiveCap(replayed.FindMeasure(new MeasureId("HP-2024-3/17"))!, new DateOnly(2025, 3, 1)));
    }

    [Fact]
    public void Given_a_configured_cap_event_When_serialized_Then_ids_are_bare_strings_and_the_cap_is_integer_fen()
    {
        var json = JsonSerializer.Serialize(new MeasureCapConfigured(
            new MeasureId("HP-2024-3/17"), Money.FromYuan(3000), new BureauCode("HP-HRSS"), "R-1", new DateOnly(2025, 3, 1)));

        Assert.Equal(
            """{"measure":"HP-2024-3/17","cap_fen":300000,"bureau":"HP-HRSS","rule_reference":"R-1","effective_from":"2025-03-01"}""",
            json);
    }

    [Fact]
    public void Given_an_event_that_is_not_a_catalog_event_When_evolved_Then_it_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => CatalogDecider.Evolve(PolicyCatalog.Empty, new Stray()));
    }

    private sealed record Stray : ICatalogEvent;
}
