using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

public sealed class ConfigureMeasureCapTests
{
    private static readonly DateOnly March2025 = new(2025, 3, 1);
    private static readonly MeasureId Article17 = new("HP-2024-3/17");

    private static ConfigureMeasureCap Command(string measure = "HP-2024-3/17", long yuan = 3000, string bureau = "HP-HRSS",
        string rule = "黄人社规〔2025〕1号", DateOnly? from = null) =>
        new(new MeasureId(measure), Money.FromYuan(yuan), new BureauCode(bureau), rule, from ?? March2025);

    private static CatalogError Refused(ConfigureMeasureCap command, PolicyCatalog? catalog = null)
    {
        var decision = CatalogDecider.Decide(command, catalog ?? SeedData.Catalog);
        Assert.Empty(decision.Events);
        return decision.Error!;
    }

    [Fact]
    public void Given_article_17_set_by_bureau_rule_When_the_paying_bureau_configures_3000_yuan_Then_the_cap_is_configured_from_that_date()
    {
        var decision = CatalogDecider.Decide(Command(), SeedData.Catalog);

        var configured = Assert.IsType<MeasureCapConfigured>(Assert.Single(decision.Events));
        Assert.Equal(new MeasureCapConfigured(Article17, Money.FromYuan(3000), new BureauCode("HP-HRSS"), "黄人社规〔2025〕1号", March2025), configured);
        var catalog = CatalogDecider.Evolve(SeedData.Catalog, configured);
        Assert.Equal(Money.FromYuan(3000), catalog.EffectiveCap(catalog.FindMeasure(Article17)!, March2025));
    }

    [Fact]
    public void Given_article_17_When_its_other_responsible_bureau_configures_Then_it_is_accepted()
    {
        Assert.True(CatalogDecider.Decide(Command(bureau: "HP-IPO"), SeedData.Catalog).IsAccepted);
    }

    [Fact]
    public void Given_article_17_When_a_bureau_that_is_not_responsible_configures_Then_it_is_refused_naming_the_responsible_bureaus()
    {
        var error = Refused(Command(bureau: "HP-STC"));

        Assert.Equal("bureau_not_responsible", error.Code);
        Assert.Equal("HP-2024-3 art.17: bureau HP-STC is not responsible for this measure (responsible: HP-HRSS, HP-IPO).", error.Message);
    }

    [Fact]
    public void Given_article_18_with_a_fixed_cap_When_a_cap_is_configured_Then_it_is_refused_quoting_the_fixed_cap()
    {
        var error = Refused(Command(measure: "HP-2024-3/18", bureau: "HP-IPO"));

        Assert.Equal("cap_not_set_by_bureau_rule", error.Code);
        Assert.Contains("1,000,000.00 yuan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_non_monetary_article_2_When_a_cap_is_configured_Then_it_is_refused()
    {
        Assert.Equal("measure_not_monetary", Refused(Command(measure: "HP-2024-3/2", bureau: "HP-IPO")).Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Given_article_17_When_the_cap_is_not_positive_Then_it_is_refused(long yuan)
    {
        Assert.Equal("cap_not_positive", Refused(Command(yuan: yuan)).Code);
    }

    [Fact]
    public void Given_an_unknown_measure_When_a_cap_is_configured_Then_it_is_refused()
    {
        Assert.Equal("measure_not_found", Refused(Command(measure: "HP-2024-3/26")).Code);
    }

    [Fact]
    public void Given_article_17_When_no_rule_is_cited_Then_it_is_refused()
    {
        Assert.Equal("rule_reference_missing", Refused(Command(rule: "  ")).Code);
    }

    [Fact]
    public void Given_article_17_When_the_cap_would_start_after_the_policy_ends_Then_it_is_refused()
    {
        var error = Refused(Command(from: new DateOnly(2028, 1, 1)));

        Assert.Equal("effective_after_policy_end", error.Code);
        Assert.Contains("2027-12-31", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_bureau_rule_measure_with_a_floor_When_the_cap_is_below_the_floor_Then_it_is_refused()
    {
        var catalog = TestSeed.Parse(TestSeed.Policy());

        var error = Refused(new ConfigureMeasureCap(new MeasureId("T-1/2"), Money.FromYuan(4999), new BureauCode("T-B"), "测细则", March2025), catalog);

        Assert.Equal("cap_below_floor", error.Code);
    }

    [Fact]
    public void Given_a_configured_cap_When_the_bureau_reconfigures_it_Then_a_new_event_applies_from_its_own_date()
    {
        var first = CatalogDecider.Decide(Command(), SeedData.Catalog).Events.Single();
        var catalog = CatalogDecider.Evolve(SeedData.Catalog, first);

        var second = CatalogDecider.Decide(Command(yuan: 5000, rule: "黄人社规〔2026〕2号", from: new DateOnly(2026, 1, 1)), catalog);

        var configured = Assert.IsType<MeasureCapConfigured>(Assert.Single(second.Events));
        catalog = CatalogDecider.Evolve(catalog, configured);
        var measure = catalog.FindMeasure(Article17)!;
        Assert.Equal(Money.FromYuan(3000), catalog.EffectiveCap(measure, new DateOnly(2025, 12, 31)));
        Assert.Equal(Money.FromYuan(5000), catalog.EffectiveCap(measure, new DateOnly(2026, 1, 1)));
        Assert.Equal(2, catalog.CapConfigurations[Article17].Count);
    }

    [Fact]
    public void Given_municipal_item_二十四_When_the_municipal_government_configures_Then_it_is_accepted()
    {
        var decision = CatalogDecider.Decide(
            Command(measure: "SH-2024-14/二十四", bureau: "SH-GOV", rule: "CGFT 补助细则", from: new DateOnly(2024, 10, 1)), SeedData.Catalog);

        Assert.True(decision.IsAccepted, decision.Error?.Message);
    }
}
