namespace Grants.Domain.Catalog;

/// <summary>Checks of one seeds/policies/*.json file: the policy, then each measure and its money limits.</summary>
internal static class PolicyValidation
{
    public static void Check(
        string file,
        PolicyDefinition policy,
        HashSet<string> jurisdictions,
        HashSet<string> bureaus,
        HashSet<string> policyIds,
        List<string> problems)
    {
        var where = $"{file}: policy {policy.Id}";
        if (!SeedValidation.IsCode(policy.Id))
        {
            problems.Add($"{where}: id: must be non-empty, without blanks or '/'");
        }
        else if (!policyIds.Add(policy.Id))
        {
            problems.Add($"{where}: id: duplicate policy id");
        }

        SeedValidation.RequireText(where, "document_number", policy.DocumentNumber, problems);
        SeedValidation.RequireText(where, "title_zh", policy.TitleZh, problems);
        SeedValidation.RequireText(where, "title_en", policy.TitleEn, problems);
        SeedValidation.RequireText(where, "in_force_source_text", policy.InForceSourceText, problems);
        if (!jurisdictions.Contains(policy.Jurisdiction))
        {
            problems.Add($"{where}: jurisdiction: unknown jurisdiction '{policy.Jurisdiction}'");
        }

        if (policy.InForceFrom > policy.InForceTo)
        {
            problems.Add($"{where}: in_force_to: {policy.InForceTo:yyyy-MM-dd} is before in_force_from {policy.InForceFrom:yyyy-MM-dd}");
        }

        if (policy.Measures.Count == 0)
        {
            problems.Add($"{where}: measures: a policy needs at least one measure");
        }

        var articles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in policy.Measures)
        {
            var measureWhere = $"{file}: measure {policy.Id}/{measure.Article}";
            if (!SeedValidation.IsCode(measure.Article))
            {
                problems.Add($"{measureWhere}: article: must be non-empty, without blanks or '/'");
            }
            else if (!articles.Add(measure.Article))
            {
                problems.Add($"{measureWhere}: article: duplicate article in this policy");
            }

            MeasureValidation.Check(measureWhere, measure, bureaus, problems);
        }
    }
}
