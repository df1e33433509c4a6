using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Grants.Api.Tests.Reliability.Security;

/// <summary>SQL takes request data only as parameters ($1, $2 …). Every interpolated string in src/ that looks like a
/// statement is found, and each hole in it must be one of the reviewed fragments below — constants or lists of column
/// assignments the code builds from fixed names, never a value from a request. A new hole fails until reviewed.</summary>
public sealed partial class SqlParameterScanTests(ITestOutputHelper output)
{
    /// <summary>Hole → why it is not request data (reviewed by reading each use).</summary>
    private static readonly Dictionary<string, string> Reviewed = new(StringComparer.Ordinal)
    {
        ["Columns"] = "a const column list of the query class",
        ["EventRow.Columns"] = "const column list of the events table",
        ["RawEvent.Columns"] = "const column list of the events table",
        ["StatementLineQueries.Columns"] = "const column list of statement_lines",
        ["Key"] = "BudgetLedgerWriter: const \"bureau = $1 and fiscal_year = $2 and measure_id = $3\"",
        ["Matches"] = "LedgerQueries: const filter over parameters $1…",
        ["assignment"] = "AwardWriter.Move: one of three literal assignments over $2, chosen in code",
        ["assignments"] = "ApplicationRowWriter.Set: literal assignments over $4… from ApplicationsProjection, values as parameters",
        ["ordinal"] = "ClaimRead.VersionsSql: an int from Enumerable.Range, the statement's row number",
        ["ordinal + 1"] = "ClaimRead.VersionsSql: the same int plus one, the parameter's number",
        ["string.Format(null, LineFilter, \"bureau\")"] = "ReportQueries: const filter with a literal column name",
        ["string.Format(null, LineFilter, \"paying_bureau\")"] = "ReportQueries: const filter with a literal column name",
    };

    [Fact]
    public void GivenTheSources_WhenInterpolatedSqlIsSearched_ThenEveryHoleIsAReviewedConstantFragment()
    {
        var hits = SqlStrings().ToList();
        foreach (var hit in hits)
            output.WriteLine($"{hit.File}: holes [{string.Join(", ", hit.Holes)}]");

        var unreviewed = hits.SelectMany(h => h.Holes.Where(x => !Reviewed.ContainsKey(x)).Select(x => $"{h.File}: {{{x}}}")).ToList();

        Assert.NotEmpty(hits); // the scan finds the SQL it is meant to look at
        Assert.True(unreviewed.Count == 0, "Interpolated SQL with unreviewed holes:\n" + string.Join("\n", unreviewed));
    }

    private static IEnumerable<(string File, IReadOnlyList<string> Holes)> SqlStrings()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match literal in Interpolated().Matches(text))
            {
                if (!Statement().IsMatch(literal.Value))
                    continue;
                var holes = (literal.Value.StartsWith("$$", StringComparison.Ordinal) ? RawHole() : Hole()).Matches(literal.Value).Select(m => m.Groups[1].Value.Trim()).Distinct().ToList();
                yield return (Path.GetRelativePath(src, file), holes);
            }
        }
    }

    private static string RepositoryRoot([CallerFilePath] string here = "")
    {
        var directory = Path.GetDirectoryName(here);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Grants.sln")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException("Grants.sln not found above " + here);
    }

    // Raw interpolated literals ($""" … """, $$""" … """) whole; regular ones ($"…", $@"…") to the end of their line,
    // because a hole may itself hold quotes (Replace("\"", …)) that a simple string pattern would stop at.
    [GeneratedRegex("""\$+(\"{3,}).*?\1|(?:\$@?|@\$)"[^\n]*""", RegexOptions.Singleline)]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"\b(select\b.+?\bfrom|insert\s+into|update\s+[\w.]+\s+set|delete\s+from)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Statement();

    // {hole} but not {{escaped}}.
    [GeneratedRegex(@"(?<!\{)\{([^{}]+)\}(?!\})")]
    private static partial Regex Hole();

    // In $$ raw strings the holes are {{…}}.
    [GeneratedRegex(@"\{\{([^{}]+)\}\}")]
    private static partial Regex RawHole();
}
