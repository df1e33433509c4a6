namespace Grants.Domain.Catalog;

/// <summary>Checks of a monetary measure's limits: positive amounts, floor not above cap, tiers inside the measure's
/// own limits, and a cap set either by the text or by bureau rule, never both.</summary>
internal static class LimitsValidation
{
    public static void Check(string where, LimitsDefinition l, List<string> problems)
    {
        if (!WireNames.CapScopes.TryGetValue(l.CapScope, out var scope))
        {
            problems.Add($"{where}: limits.cap_scope: '{l.CapScope}' is not one of {string.Join(", ", WireNames.CapScopes.Keys)}");
        }

        RequirePositive(where, "limits.cap_fen", l.CapFen, problems);
        RequirePositive(where, "limits.floor_fen", l.FloorFen, problems);
        if (l.CapFen is { } cap && l.FloorFen is { } floor && floor > cap)
        {
            problems.Add($"{where}: limits.floor_fen: floor {Yuan(floor)} is above cap {Yuan(cap)}");
        }

        if (l.CapSetByBureauRule && l.CapFen is not null)
        {
            problems.Add($"{where}: limits.cap_fen: a cap set by bureau rule has no cap in the seed; remove cap_fen or cap_set_by_bureau_rule");
        }

        if (!l.CapSetByBureauRule && l.CapFen is null && l.FloorFen is null && l.Tiers.Count == 0)
        {
            problems.Add($"{where}: limits: no cap, floor or tiers, and cap_set_by_bureau_rule is false: the measure would have no limit at all");
        }

        if (scope == CapScope.PerBeneficiaryOverPolicyPeriod && l.CapFen is null && !l.CapSetByBureauRule)
        {
            problems.Add($"{where}: limits.cap_scope: a cumulative scope needs a cap (cap_fen or cap_set_by_bureau_rule)");
        }

        CheckTiers(where, l, problems);
    }

    private static void CheckTiers(string where, LimitsDefinition l, List<string> problems)
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tier in l.Tiers)
        {
            var field = $"limits.tiers[{tier.Code}]";
            if (!SeedValidation.IsCode(tier.Code) || !codes.Add(tier.Code))
            {
                problems.Add($"{where}: {field}.code: must be a unique code without blanks or '/'");
            }

            SeedValidation.RequireText(where, $"{field}.name_zh", tier.NameZh, problems);
            SeedValidation.RequireText(where, $"{field}.name_en", tier.NameEn, problems);
            RequirePositive(where, $"{field}.floor_fen", tier.FloorFen, problems);
            RequirePositive(where, $"{field}.cap_fen", tier.CapFen, problems);
            if (tier.CapFen is { } tierCap && tier.FloorFen > tierCap)
            {
                problems.Add($"{where}: {field}.floor_fen: floor {Yuan(tier.FloorFen)} is above the tier cap {Yuan(tierCap)}");
            }

            if (l.FloorFen is { } floor && tier.FloorFen < floor)
            {
                problems.Add($"{where}: {field}.floor_fen: {Yuan(tier.FloorFen)} is below the measure floor {Yuan(floor)}");
            }

            if (l.CapFen is { } cap && (tier.FloorFen > cap || tier.CapFen > cap))
            {
                problems.Add($"{where}: {field}: exceeds the measure cap {Yuan(cap)}");
            }
        }
    }

    private static void RequirePositive(string where, string field, long? fen, List<string> problems)
    {
        if (fen is <= 0)
        {
            problems.Add($"{where}: {field}: must be positive, got {fen}");
        }
    }

    private static string Yuan(long fen) => $"{new Money(fen).ToYuanString()} yuan";
}
