using System.Globalization;
using System.Text.RegularExpressions;
using Grants.Domain;

namespace Grants.Api.Services.Reconciliation;

/// <summary>A payment reference ("HP-2025-000123-T1") or clawback reference ("HP-2025-000123-C1") found in a
/// statement line's remittance text. Banks pad and prefix remittance text, so the first reference anywhere in it
/// counts, in any letter case.</summary>
public sealed partial record StatementReference(string Text, ApplicationId Application, bool IsClawback, int Number)
{
    public static StatementReference? Find(string remittance)
    {
        var match = Pattern().Match(remittance.ToUpperInvariant());
        if (!match.Success)
            return null;
        var application = new ApplicationId(match.Groups["application"].Value);
        var kind = match.Groups["kind"].Value;
        var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
        return new StatementReference($"{application.Value}-{kind}{number.ToString(CultureInfo.InvariantCulture)}", application, kind == "C", number);
    }

    [GeneratedRegex(@"(?<![A-Z0-9])(?<application>[A-Z]{2,4}-[0-9]{4}-[0-9]{6})-(?<kind>[TC])(?<number>[1-9][0-9]{0,5})(?![0-9])")]
    private static partial Regex Pattern();
}
