using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

/// <summary>Every article of 黄投促办规〔2024〕3号 (file 000) checked against its text. The table is written out by
/// hand from the text, so a wrong seed fails here. 1 万元 = 1,000,000 fen; 1 亿元 = 10,000,000,000 fen.</summary>
public sealed class HuangpuArticlesTests
{
    private const long Wan = 1_000_000;
    private const long Yi = 10_000_000_000;

    public static TheoryData<string, string, long?, long?, bool, string, bool, string, string?> Articles => new()
    {
        // article, kind, cap fen, floor fen, per person, cap scope, cap by bureau rule, responsible bureaus, paying bureau
        { "1", "award", 2000 * Wan, null, false, "per_award", false, "HP-IPO", "HP-IPO" },                 // 不超过 2000 万元的奖励
        { "2", "non_monetary", null, null, false, "-", false, "HP-IPO", null },                           // no money
        { "3", "subsidy", 1 * Yi, null, false, "per_award", false, "HP-STC,HP-IPO", "HP-STC" },           // 不超过1亿元的补贴
        { "4", "subsidy", 5000 * Wan, null, false, "per_award", false, "HP-STC,HP-IPO", "HP-STC" },       // 不超过5000万元的补贴
        { "5", "non_monetary", null, null, false, "-", false, "HP-CMC,HP-PNR,HP-DRC", null },             // 区建管委、区规划资源局、区发展改革委
        { "6", "subsidy", 1000 * Wan, null, false, "per_award", false, "HP-STC", "HP-STC" },              // 不超过 1000 万元的补贴
        { "7", "non_monetary", null, null, false, "-", false, "HP-DATA", null },
        { "8", "non_monetary", null, null, false, "-", false, "HP-DATA", null },
        { "9", "subsidy", 1 * Yi, null, false, "per_award", false, "HP-STC", "HP-STC" },                  // 不超过 1 亿元的补贴
        { "10", "subsidy", 5000 * Wan, null, false, "per_award", false, "HP-STC", "HP-STC" },             // 不超过 5000 万元的补贴
        { "11", "award", 1000 * Wan, null, false, "per_award", false, "HP-STC", "HP-STC" },               // 不超过 1000 万元的奖励
        { "12", "award", 25 * Wan, null, false, "per_award", false, "HP-COM", "HP-COM" },                 // 不超过 25 万元的奖励
        { "13", "award", 50 * Wan, null, false, "per_award", false, "HP-AMR", "HP-AMR" },                 // 不超过 50 万元的奖励
        { "14", "subsidy", 1000 * Wan, null, false, "per_award", false, "HP-STC", "HP-STC" },             // 不超过 1000 万元的补贴
        { "15", "award", 100 * Wan, null, false, "per_award", false, "HP-IPO", "HP-IPO" },                // 不超过 100 万元的奖励
        { "16", "award", 100 * Wan, null, false, "per_award", false, "HP-IPO", "HP-IPO" },                // 不超过 100 万元的奖励
        { "17", "subsidy", null, null, false, "per_award", true, "HP-HRSS,HP-IPO", "HP-HRSS" },           // 一定的考试认证费用补贴
        { "18", "award", 100 * Wan, null, true, "per_beneficiary_over_policy_period", false, "HP-IPO,HP-TAL", "HP-IPO" }, // 每人不超过 100 万元
        { "19", "award", null, 10 * Wan, false, "per_award", false, "HP-TAL", "HP-TAL" },                 // 不低于 20 万元 / 不低于 10 万元
        { "20", "non_monetary", null, null, false, "-", false, "HP-TAL", null },
        { "21", "non_monetary", null, null, false, "-", false, "HP-STC,HP-IPO,HP-DRC,HP-SASAC", null },
        { "22", "subsidy", 100 * Wan, null, false, "per_award", false, "HP-STC,HP-IPO,HP-FIN,HP-AMR", "HP-STC" }, // 不超过 100 万元的贷款贴息和担保费补贴
        { "23", "award", 3000 * Wan, null, false, "per_award", false, "HP-IPO,HP-STC", "HP-IPO" },        // 不超过 3000 万元的专项奖励
        { "24", "award", 30 * Wan, null, false, "per_award", false, "HP-AMR", "HP-AMR" },                 // 不超过 30 万元的专项奖励
        { "25", "award", 100 * Wan, null, false, "per_award", false, "HP-AMR", "HP-AMR" },                // 不超过 100 万元的奖励
    };

    [Theory]
    [MemberData(nameof(Articles))]
    public void Given_the_seed_of_file_000_When_an_article_is_read_Then_it_matches_the_text(
        string article,
        string kind,
        long? capFen,
        long? floorFen,
        bool perPerson,
        string capScope,
        bool capSetByBureauRule,
        string responsibleBureaus,
        string? payingBureau)
    {
        var measure = SeedData.Measure($"HP-2024-3/{article}");

        Assert.Equal(kind, WireNames.Of(measure.Kind));
        Assert.Equal(capFen, measure.Limits.Cap?.Fen);
        Assert.Equal(floorFen, measure.Limits.Floor?.Fen);
        Assert.Equal(perPerson, measure.Limits.PerPerson);
        Assert.Equal(capSetByBureauRule, measure.Limits.CapSetByBureauRule);
        Assert.Equal(responsibleBureaus, string.Join(",", measure.ResponsibleBureaus.Select(b => b.Value)));
        Assert.Equal(payingBureau, measure.PayingBureau?.Value);
        if (measure.IsMonetary)
        {
            Assert.Equal(capScope, WireNames.Of(measure.Limits.Scope));
        }
        else
        {
            Assert.Equal("-", capScope);
            Assert.Null(measure.Limits.Cap);
            Assert.Null(measure.Limits.Floor);
            Assert.Empty(measure.Limits.Tiers);
        }
    }

    [Fact]
    public void Given_the_seed_of_file_000_When_its_measures_are_listed_Then_they_are_articles_1_to_25_in_order()
    {
        var articles = SeedData.Policy("HP-2024-3").Measures.Select(m => m.Article);

        Assert.Equal(Enumerable.Range(1, 25).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), articles);
        Assert.Equal(25, Articles.Count());
    }

    [Fact]
    public void Given_article_19_When_its_tiers_are_read_Then_municipal_is_at_least_20_wan_and_district_at_least_10_wan()
    {
        var tiers = SeedData.Measure("HP-2024-3/19").Limits.Tiers;

        Assert.Collection(
            tiers,
            t => Assert.Equal(("municipal", 20 * Wan, (long?)null), (t.Code, t.Floor.Fen, t.Cap?.Fen)),
            t => Assert.Equal(("district", 10 * Wan, (long?)null), (t.Code, t.Floor.Fen, t.Cap?.Fen)));
    }

    [Fact]
    public void Given_file_000_When_its_window_and_applicants_are_read_Then_they_match_the_text()
    {
        var policy = SeedData.Policy("HP-2024-3");

        Assert.Equal(("黄投促办规〔2024〕3号", "SH-HP"), (policy.DocumentNumber, policy.Jurisdiction.Value));
        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31)), (policy.InForceFrom, policy.InForceTo));
        Assert.All(new[] { "17", "18", "19", "20" }, a =>
            Assert.Equal([ApplicantKind.Person], SeedData.Measure($"HP-2024-3/{a}").EligibleApplicants));
        Assert.All(policy.Measures.Where(m => int.Parse(m.Article, System.Globalization.CultureInfo.InvariantCulture) is < 17 or > 20), m =>
            Assert.DoesNotContain(ApplicantKind.Person, m.EligibleApplicants));
    }
}
