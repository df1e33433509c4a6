using System.Text.Json.Nodes;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

public sealed class SeedParseValidationTests
{
    [Fact]
    public void Given_a_valid_seed_When_parsed_Then_the_catalog_holds_its_policy_and_bureaus()
    {
        var catalog = TestSeed.Parse(TestSeed.Policy());

        Assert.Equal(["T-A", "T-B"], catalog.Bureaus.Select(b => b.Code.Value));
        Assert.Equal(["T-1/1", "T-1/2", "T-1/3"], catalog.Measures.Select(m => m.Id.Value));
        Assert.Equal(Money.FromWan(100), catalog.FindMeasure(new MeasureId("T-1/1"))!.Limits.Cap);
    }

    [Fact]
    public void Given_an_unknown_responsible_bureau_When_parsed_Then_the_problem_names_file_measure_and_field()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "1")["responsible_bureaus"] = new JsonArray("T-A", "T-X");

        var problem = Assert.Single(TestSeed.Problems(policy));

        Assert.Equal("policies[0]: measure T-1/1: responsible_bureaus: unknown bureau 'T-X'", problem);
    }

    [Fact]
    public void Given_a_paying_bureau_that_is_not_responsible_When_parsed_Then_it_is_refused()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "2")["paying_bureau"] = "T-A";

        Assert.Equal(
            ["policies[0]: measure T-1/2: paying_bureau: 'T-A' is not one of its responsible_bureaus (T-B)"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_floor_above_the_cap_When_parsed_Then_it_is_refused_with_both_amounts()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "1")["limits"]!["floor_fen"] = 200_000_000;

        Assert.Equal(
            ["policies[0]: measure T-1/1: limits.floor_fen: floor 2,000,000.00 yuan is above cap 1,000,000.00 yuan"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_non_monetary_measure_with_limits_and_a_paying_bureau_When_parsed_Then_both_are_refused()
    {
        var policy = TestSeed.Policy();
        var measure = TestSeed.Measure(policy, "3");
        measure["limits"] = TestSeed.Measure(TestSeed.Policy(), "1")["limits"]!.DeepClone();
        measure["paying_bureau"] = "T-A";

        Assert.Equal(
            ["policies[0]: measure T-1/3: limits: a non_monetary measure carries no money, so no limits",
             "policies[0]: measure T-1/3: paying_bureau: a non_monetary measure pays nothing, so no paying bureau"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_cap_both_fixed_and_set_by_bureau_rule_When_parsed_Then_it_is_refused()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "2")["limits"]!["cap_fen"] = 1_000_000;

        Assert.Contains("measure T-1/2: limits.cap_fen: a cap set by bureau rule has no cap in the seed", Assert.Single(TestSeed.Problems(policy)), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_two_files_with_the_same_policy_id_and_a_repeated_article_When_parsed_Then_both_duplicates_are_named()
    {
        var second = TestSeed.Policy();
        TestSeed.Measure(second, "2")["article"] = "1";

        Assert.Equal(
            ["policies[1]: policy T-1: id: duplicate policy id",
             "policies[1]: measure T-1/1: article: duplicate article in this policy"],
            TestSeed.Problems(TestSeed.Policy(), second));
    }

    [Fact]
    public void Given_a_misspelt_field_When_parsed_Then_the_file_and_json_path_are_named()
    {
        var policy = TestSeed.Policy();
        var limits = TestSeed.Measure(policy, "1")["limits"]!.AsObject();
        limits.Remove("cap_fen");
        limits["capfen"] = 1;

        var problem = Assert.Single(TestSeed.Problems(policy));

        Assert.StartsWith("policies[0]: ", problem, StringComparison.Ordinal);
        Assert.Contains("capfen", problem, StringComparison.Ordinal);
        Assert.Contains("$.measures[0].limits", problem, StringComparison.Ordinal); // path
    }

    [Fact]
    public void Given_a_missing_required_field_When_parsed_Then_it_is_named()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "1").Remove("source_text");

        Assert.Contains("source_text", Assert.Single(TestSeed.Problems(policy)), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_kind_and_applicant_When_parsed_Then_each_is_named_with_the_allowed_values()
    {
        var policy = TestSeed.Policy();
        var measure = TestSeed.Measure(policy, "1");
        measure["kind"] = "grant";
        measure["eligible_applicants"] = new JsonArray("company");

        Assert.Equal(
            ["policies[0]: measure T-1/1: eligible_applicants: 'company' is not one of financial_institution, fintech_enterprise, professional_service_organisation, carrier_operator, person",
             "policies[0]: measure T-1/1: kind: 'grant' is not one of award, subsidy, non_monetary"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_window_that_ends_before_it_starts_and_an_unknown_jurisdiction_When_parsed_Then_both_are_named()
    {
        var policy = TestSeed.Policy();
        policy["in_force_to"] = "2024-12-31";
        policy["jurisdiction"] = "SH-XX";

        Assert.Equal(
            ["policies[0]: policy T-1: jurisdiction: unknown jurisdiction 'SH-XX'",
             "policies[0]: policy T-1: in_force_to: 2024-12-31 is before in_force_from 2025-01-01"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_duplicate_bureau_code_and_a_bureau_in_an_unknown_jurisdiction_When_parsed_Then_both_are_named()
    {
        const string bureaus = """
            [
              { "code": "T-A", "name_zh": "甲", "short_name_zh": "甲", "name_en": "A", "jurisdiction": "T" },
              { "code": "T-A", "name_zh": "甲", "short_name_zh": "甲", "name_en": "A", "jurisdiction": "Q" }
            ]
            """;

        var problems = Assert.Throws<CatalogSeedException>(() => CatalogSeed.Parse(TestSeed.Jurisdictions, bureaus, [])).Problems;

        Assert.Equal(
            ["bureaus.json: bureau T-A: code: duplicate bureau code",
             "bureaus.json: bureau T-A: jurisdiction: unknown jurisdiction 'Q'"],
            problems);
    }

    [Fact]
    public void Given_a_monetary_measure_without_limits_or_paying_bureau_When_parsed_Then_both_are_named()
    {
        var policy = TestSeed.Policy();
        var measure = TestSeed.Measure(policy, "1");
        measure["limits"] = null;
        measure["paying_bureau"] = null;

        Assert.Equal(
            ["policies[0]: measure T-1/1: paying_bureau: a monetary measure (award) needs a paying bureau",
             "policies[0]: measure T-1/1: limits: a monetary measure (award) needs limits (a cap, a floor, tiers or cap_set_by_bureau_rule)"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_a_tier_below_the_measure_floor_When_parsed_Then_the_tier_is_named()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "2")["limits"]!["tiers"] = JsonNode.Parse(
            """[{ "code": "low", "name_zh": "低", "name_en": "Low", "floor_fen": 100, "cap_fen": null }]""");

        Assert.Equal(
            ["policies[0]: measure T-1/2: limits.tiers[low].floor_fen: 1.00 yuan is below the measure floor 5,000.00 yuan"],
            TestSeed.Problems(policy));
    }

    [Fact]
    public void Given_the_invalid_seed_When_parsed_Then_the_exception_message_lists_every_problem()
    {
        var policy = TestSeed.Policy();
        TestSeed.Measure(policy, "1")["paying_bureau"] = "T-X";
        TestSeed.Measure(policy, "3")["paying_bureau"] = "T-A";

        var error = Assert.Throws<CatalogSeedException>(() => TestSeed.Parse(policy));

        Assert.Equal(2, error.Problems.Count);
        Assert.All(error.Problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }
}
