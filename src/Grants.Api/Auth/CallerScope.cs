namespace Grants.Api.Auth;

/// <summary>Which bureaus and jurisdictions a key may name. A bureau is in scope when listed itself, or when its
/// jurisdiction or any enclosing one is listed ("SH" covers "SH-HP" and its bureaus). "*" in either list means
/// everything. An empty scope reaches no bureau at all: such a key can still call RPCs that name none.</summary>
public sealed record CallerScope(IReadOnlySet<string> Bureaus, IReadOnlySet<string> Jurisdictions)
{
    public const string Everything = "*";

    public static readonly CallerScope All = new(new HashSet<string> { Everything }, new HashSet<string> { Everything });
    public static readonly CallerScope None = new(new HashSet<string>(), new HashSet<string>());

    public bool IsUnrestricted => Bureaus.Contains(Everything) || Jurisdictions.Contains(Everything);

    public static CallerScope Of(IEnumerable<string>? bureaus, IEnumerable<string>? jurisdictions) =>
        new(new HashSet<string>(bureaus ?? [], StringComparer.Ordinal),
            new HashSet<string>(jurisdictions ?? [], StringComparer.Ordinal));

    public bool CoversJurisdiction(string jurisdiction, IBureauDirectory directory)
    {
        if (IsUnrestricted)
            return true;
        // Walk up the parents: a municipal key reaches the districts. The depth bound guards a cyclic directory.
        string? current = jurisdiction;
        for (var depth = 0; current is not null && depth < 16; depth++, current = directory.ParentOf(current))
        {
            if (Jurisdictions.Contains(current))
                return true;
        }
        return false;
    }

    public bool CoversBureau(string bureau, IBureauDirectory directory) =>
        IsUnrestricted || Bureaus.Contains(bureau) ||
        (directory.JurisdictionOf(bureau) is { } jurisdiction && CoversJurisdiction(jurisdiction, directory));
}
