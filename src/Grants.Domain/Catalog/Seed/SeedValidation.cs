namespace Grants.Domain.Catalog;

/// <summary>Checks of seeds/jurisdictions.json and seeds/bureaus.json. Each returns the codes it accepted, for the
/// references checked after it.</summary>
internal static class SeedValidation
{
    public static HashSet<string> CheckJurisdictions(string file, IReadOnlyList<JurisdictionDefinition> items, List<string> problems)
    {
        var codes = UniqueCodes(file, "jurisdiction", items.Select(j => j.Code), problems);
        foreach (var j in items)
        {
            var where = $"{file}: jurisdiction {j.Code}";
            RequireText(where, "name_zh", j.NameZh, problems);
            RequireText(where, "name_en", j.NameEn, problems);
            if (j.Parent is not null && (!codes.Contains(j.Parent) || j.Parent == j.Code))
            {
                problems.Add($"{where}: parent: '{j.Parent}' is not another jurisdiction of this file");
            }
        }

        return codes;
    }

    public static HashSet<string> CheckBureaus(
        string file, IReadOnlyList<BureauDefinition> items, HashSet<string> jurisdictions, List<string> problems)
    {
        var codes = UniqueCodes(file, "bureau", items.Select(b => b.Code), problems);
        foreach (var b in items)
        {
            var where = $"{file}: bureau {b.Code}";
            RequireText(where, "name_zh", b.NameZh, problems);
            RequireText(where, "short_name_zh", b.ShortNameZh, problems);
            RequireText(where, "name_en", b.NameEn, problems);
            if (!jurisdictions.Contains(b.Jurisdiction))
            {
                problems.Add($"{where}: jurisdiction: unknown jurisdiction '{b.Jurisdiction}'");
            }
        }

        return codes;
    }

    public static void RequireText(string where, string field, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{where}: {field}: must not be empty");
        }
    }

    /// <summary>Codes become stream keys and parts of measure ids ("policy/article"): no blanks, no slashes.</summary>
    public static bool IsCode(string value) =>
        value.Length > 0 && !value.Any(c => char.IsWhiteSpace(c) || c == '/');

    private static HashSet<string> UniqueCodes(string file, string what, IEnumerable<string> codes, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (!IsCode(code))
            {
                problems.Add($"{file}: {what} '{code}': code: must be non-empty, without blanks or '/'");
            }
            else if (!seen.Add(code))
            {
                problems.Add($"{file}: {what} {code}: code: duplicate {what} code");
            }
        }

        return seen;
    }
}
