using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Shared;

public sealed class LimitBreachTests
{
    [Fact]
    public void Given_the_issue_example_When_described_Then_the_text_matches_it_exactly()
    {
        var breach = LimitBreach.Ceiling(LimitNames.CumulativeCap(new MeasureId("HP-2024-3/18"), perPerson: true),
            Money.FromWan(100), Money.FromWan(70), Money.FromWan(40));

        Assert.Equal("HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 700,000.00, requested 400,000.00, " +
                     "headroom 300,000.00", breach.Describe());
        Assert.Equal(Money.FromWan(30), breach.Headroom);
    }

    [Fact]
    public void Given_a_limit_already_overrun_When_described_Then_the_headroom_is_zero_not_negative()
    {
        var breach = LimitBreach.Ceiling("X cap", Money.FromYuan(10), Money.FromYuan(12), Money.FromYuan(1));

        Assert.Equal(Money.Zero, breach.Headroom);
    }

    [Fact]
    public void Given_a_floor_When_described_Then_it_says_by_how_much_the_request_falls_short()
    {
        Assert.Equal("HP-2024-3 art.19 floor 100,000.00 yuan: requested 60,000.00, short by 40,000.00",
            LimitBreach.Floor(LimitNames.Floor(new MeasureId("HP-2024-3/19")), Money.FromWan(10), Money.FromWan(6)).Describe());
    }

    [Theory]
    [InlineData("HP-2024-3/18", "HP-2024-3 art.18")]
    [InlineData("SH-2024-14/二十四", "SH-2024-14 art.二十四")]
    [InlineData("no-slash", "no-slash")]
    public void Given_a_measure_id_When_naming_its_article_Then_policy_and_article_are_spelled_out(string id, string expected)
    {
        Assert.Equal(expected, LimitNames.Article(new MeasureId(id)));
    }

    [Fact]
    public void Given_a_domain_error_from_a_breach_When_built_Then_its_message_is_the_description()
    {
        var breach = LimitBreach.Ceiling("X cap", Money.FromYuan(10), Money.Zero, Money.FromYuan(11));

        var error = DomainError.Breach(ErrorCodes.CapExceeded, breach, "amount");

        Assert.Equal((breach.Describe(), "amount", breach), (error.Message, error.Field, error.Limit));
    }
}
