namespace Grants.Domain.Catalog;

/// <summary>Checks of one measure: names, bureaus, applicants, and that its money (or its lack of money) is coherent.</summary>
internal static class MeasureValidation
{
    public static void Check(string where, MeasureDefinition m, HashSet<string> bureaus, List<string> problems)
    {
        SeedValidation.RequireText(where, "title_zh", m.TitleZh, problems);
        SeedValidation.RequireText(where, "title_en", m.TitleEn, problems);
        SeedValidation.RequireText(where, "source_text", m.SourceText, problems);
        CheckApplicants(where, m.EligibleApplicants, problems);
        CheckBureaus(where, m, bureaus, problems);

        if (!WireNames.MeasureKinds.TryGetValue(m.Kind, out var kind))
        {
            problems.Add($"{where}: kind: '{m.Kind}' is not one of {string.Join(", ", WireNames.MeasureKinds.Keys)}");
            return;
        }

        if (kind == MeasureKind.NonMonetary)
        {
            if (m.Limits is not null)
            {
                problems.Add($"{where}: limits: a non_monetary measure carries no money, so no limits");
            }

            if (m.PayingBureau is not null)
            {
                problems.Add($"{where}: paying_bureau: a non_monetary measure pays nothing, so no paying bureau");
            }

            return;
        }

        if (m.PayingBureau is null)
        {
            problems.Add($"{where}: paying_bureau: a monetary measure ({m.Kind}) needs a paying bureau");
        }

        if (m.Limits is null)
        {
            problems.Add($"{where}: limits: a monetary measure ({m.Kind}) needs limits (a cap, a floor, tiers or cap_set_by_bureau_rule)");
            return;
        }

        LimitsValidation.Check(where, m.Limits, problems);
    }

    private static void CheckApplicants(string where, IReadOnlyList<string> applicants, List<string> problems)
    {
        if (applicants.Count == 0)
        {
            problems.Add($"{where}: eligible_applicants: at least one applicant kind is needed");
        }

        foreach (var applicant in applicants.Where(a => a is null || !WireNames.ApplicantKinds.ContainsKey(a)))
        {
            problems.Add($"{where}: eligible_applicants: '{applicant}' is not one of {string.Join(", ", WireNames.ApplicantKinds.Keys)}");
        }

        if (applicants.Distinct(StringComparer.Ordinal).Count() != applicants.Count)
        {
            problems.Add($"{where}: eligible_applicants: listed twice");
        }
    }

    private static void CheckBureaus(string where, MeasureDefinition m, HashSet<string> bureaus, List<string> problems)
    {
        if (m.ResponsibleBureaus.Count == 0)
        {
            problems.Add($"{where}: responsible_bureaus: at least one responsible bureau is needed");
        }

        foreach (var code in m.ResponsibleBureaus.Where(c => c is null || !bureaus.Contains(c)))
        {
            problems.Add($"{where}: responsible_bureaus: unknown bureau '{code}'");
        }

        if (m.ResponsibleBureaus.Distinct(StringComparer.Ordinal).Count() != m.ResponsibleBureaus.Count)
        {
            problems.Add($"{where}: responsible_bureaus: a bureau is listed twice");
        }

        if (m.PayingBureau is not null && !m.ResponsibleBureaus.Contains(m.PayingBureau))
        {
            problems.Add($"{where}: paying_bureau: '{m.PayingBureau}' is not one of its responsible_bureaus ({string.Join(", ", m.ResponsibleBureaus)})");
        }
    }
}
