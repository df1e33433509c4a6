using System.Globalization;
using System.Text.RegularExpressions;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

/// <summary>Every quote in the seeds is in its source text, and for file 000 the limits and bureaus re-derived from the
/// quote agree with the seed: the hand-written table and the text cannot drift apart unnoticed.</summary>
public sealed partial class SeedTraceabilityTests
{
    public static TheoryData<string> AllMeasures => [.. SeedData.Catalog.Measures.Select(m => m.Id.Value)];

    public static TheoryData<string> Huangpu => [.. SeedData.Policy("HP-2024-3").Measures.Select(m => m.Article)];

    [Theory]
    [MemberData(nameof(AllMeasures))]
    public void Given_a_measure_When_its_source_text_is_searched_in_its_source_file_Then_it_is_found(string measureId)
    {
        var measure = SeedData.Measure(measureId);

        Assert.Contains(Squeeze(measure.SourceText), SourceOf(SeedData.Policy(measure.Policy.Value)));
    }

    [Theory]
    [InlineData("HP-2024-3", "2025-01-01", "2027-12-31")]
    [InlineData("SH-2024-14", "2024-10-01", "2029-09-30")]
    [InlineData("PD-2025-29", "2025-07-21", "2027-12-31")]
    public void Given_a_policy_When_its_window_is_read_Then_the_quoted_sentence_is_in_the_source_and_gives_those_dates(
        string policyId, string from, string to)
    {
        var policy = SeedData.Policy(policyId);
        var source = SourceOf(policy);

        Assert.Equal((DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture)),
            (policy.InForceFrom, policy.InForceTo));
        Assert.All(policy.InForceSourceText!.Split('…'), fragment => Assert.Contains(Squeeze(fragment), source));
        Assert.Contains(ChineseDate(policy.InForceTo), Squeeze(policy.InForceSourceText));
    }

    [Theory]
    [MemberData(nameof(Huangpu))]
    public void Given_an_article_of_file_000_When_its_figures_and_bureaus_are_read_from_the_quote_Then_they_match_the_seed(string article)
    {
        var measure = SeedData.Measure($"HP-2024-3/{article}");
        var text = Squeeze(measure.SourceText);

        var caps = CapPattern().Matches(text).Select(m => Fen(m.Groups["n"].Value, m.Groups["unit"].Value)).ToList();
        var floors = FloorPattern().Matches(text).Select(m => Fen(m.Groups["n"].Value, "万")).ToList();

        Assert.Equal(caps.Count == 0 ? null : caps.Single(), measure.Limits.Cap?.Fen);
        Assert.Equal(floors, measure.Limits.Tiers.Select(t => t.Floor.Fen));
        Assert.Equal(text.Contains("每人", StringComparison.Ordinal), measure.Limits.PerPerson);
        Assert.Equal(text.Contains("一定的", StringComparison.Ordinal), measure.Limits.CapSetByBureauRule);
        Assert.Equal(!text.Contains('元', StringComparison.Ordinal) && !measure.Limits.CapSetByBureauRule, !measure.IsMonetary);

        var named = BureauPattern().Match(text).Groups["list"].Value.Split('、');
        var shortNames = measure.ResponsibleBureaus.Select(code => SeedData.Catalog.FindBureau(code)!.ShortNameZh);
        Assert.Equal(named, shortNames);
    }

    [Fact]
    public void Given_files_001_and_002_When_their_monetary_items_are_read_Then_each_has_its_cap_set_by_bureau_rule_and_no_fixed_amount()
    {
        var items = new[] { "SH-2024-14", "PD-2025-29" }.SelectMany(id => SeedData.Policy(id).Measures).ToList();

        Assert.Equal(
            ["SH-2024-14/十六", "SH-2024-14/十七", "SH-2024-14/二十四", "SH-2024-14/二十六", "SH-2024-14/二十七", "SH-2024-14/二十九",
             "PD-2025-29/一", "PD-2025-29/二", "PD-2025-29/三", "PD-2025-29/四", "PD-2025-29/五", "PD-2025-29/六", "PD-2025-29/七", "PD-2025-29/八"],
            items.Where(m => m.IsMonetary).Select(m => m.Id.Value));
        Assert.All(items.Where(m => m.IsMonetary), m =>
        {
            Assert.True(m.Limits.CapSetByBureauRule, m.Id.Value);
            Assert.Null(m.Limits.Cap);
            Assert.DoesNotMatch(CapPattern(), Squeeze(m.SourceText));
        });
        Assert.Equal(31, SeedData.Policy("SH-2024-14").Measures.Count);
        Assert.Equal(10, SeedData.Policy("PD-2025-29").Measures.Count);
    }

    private static string SourceOf(Policy policy) =>
        Squeeze(File.ReadAllText(Path.Combine(SeedData.Folder, policy.SourceFile!)));

    // The sources break lines mid-sentence (page breaks); quotes are compared with all whitespace removed.
    private static string Squeeze(string text) => WhitespacePattern().Replace(text, "");

    private static string ChineseDate(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    private static long Fen(string number, string unit) =>
        long.Parse(number, CultureInfo.InvariantCulture) * (unit == "亿" ? 10_000_000_000 : 1_000_000);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();

    [GeneratedRegex(@"不超过(?<n>\d+)(?<unit>万|亿)元")]
    private static partial Regex CapPattern();

    [GeneratedRegex(@"不低于(?<n>\d+)万元")]
    private static partial Regex FloorPattern();

    [GeneratedRegex(@"（责任部门：(?<list>[^）]+)）")]
    private static partial Regex BureauPattern();
}
