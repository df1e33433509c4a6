using System.Text.Json.Nodes;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Catalog;

/// <summary>A small valid seed to break one field at a time: jurisdiction T, bureaus T-A and T-B, policy T-1 with a
/// capped award (1), a bureau-rule subsidy with a floor (2) and a non-monetary measure (3).</summary>
internal static class TestSeed
{
    public const string Jurisdictions = """[{ "code": "T", "name_zh": "测试市", "name_en": "Test City", "parent": null }]""";

    public const string Bureaus = """
        [
          { "code": "T-A", "name_zh": "测试甲局", "short_name_zh": "甲局", "name_en": "Bureau A", "jurisdiction": "T" },
          { "code": "T-B", "name_zh": "测试乙局", "short_name_zh": "乙局", "name_en": "Bureau B", "jurisdiction": "T" }
        ]
        """;

    public static JsonObject Policy(string id = "T-1") => JsonNode.Parse($$"""
        {
          "id": "{{id}}", "document_number": "测〔2025〕1号", "title_zh": "测试方案", "title_en": "Test plan",
          "jurisdiction": "T", "in_force_from": "2025-01-01", "in_force_to": "2027-12-31",
          "in_force_source_text": "自 2025 年 1 月 1 日起施行，有效期至 2027 年 12 月 31 日。", "source_file": null,
          "measures": [
            { "article": "1", "title_zh": "奖励", "title_en": "Award", "kind": "award",
              "limits": { "cap_fen": 100000000, "floor_fen": null, "per_person": true,
                          "cap_scope": "per_beneficiary_over_policy_period", "cap_set_by_bureau_rule": false, "tiers": [] },
              "responsible_bureaus": ["T-A", "T-B"], "paying_bureau": "T-A", "eligible_applicants": ["person"],
              "source_text": "给予每人不超过 100 万元的奖励。", "note": null },
            { "article": "2", "title_zh": "补贴", "title_en": "Subsidy", "kind": "subsidy",
              "limits": { "cap_fen": null, "floor_fen": 500000, "per_person": false,
                          "cap_scope": "per_award", "cap_set_by_bureau_rule": true, "tiers": [] },
              "responsible_bureaus": ["T-B"], "paying_bureau": "T-B", "eligible_applicants": ["fintech_enterprise"],
              "source_text": "按照规定给予资金支持。", "note": null },
            { "article": "3", "title_zh": "服务", "title_en": "Services", "kind": "non_monetary", "limits": null,
              "responsible_bureaus": ["T-A"], "paying_bureau": null, "eligible_applicants": ["carrier_operator"],
              "source_text": "提供综合服务保障。", "note": null }
          ]
        }
        """)!.AsObject();

    public static JsonObject Measure(JsonObject policy, string article) =>
        policy["measures"]!.AsArray().Select(m => m!.AsObject()).Single(m => (string?)m["article"] == article);

    public static PolicyCatalog Parse(params JsonObject[] policies) =>
        CatalogSeed.Parse(Jurisdictions, Bureaus, policies.Select(p => p.ToJsonString()));

    public static IReadOnlyList<string> Problems(params JsonObject[] policies) =>
        Assert.Throws<CatalogSeedException>(() => Parse(policies)).Problems;
}
