namespace Grants.Api.Services.Reconciliation;

/// <summary>Bank account numbers: compared without spaces or letter case (banks print them in groups), and shown
/// masked to their last four characters everywhere but the finance export.</summary>
public static class Accounts
{
    public static string Normalize(string account) =>
        string.Concat(account.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool Same(string a, string b) => Normalize(a) == Normalize(b);

    public static string Mask(string account)
    {
        var plain = Normalize(account);
        return plain.Length <= 4 ? new string('*', plain.Length) : new string('*', plain.Length - 4) + plain[^4..];
    }
}
