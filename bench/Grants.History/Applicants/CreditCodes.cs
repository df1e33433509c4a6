namespace Grants.History.Applicants;

/// <summary>The organisation-code part of a 统一社会信用代码 carries its own GB 11714-1997 check character; the
/// domain checks only the code's final mod-31 character (UnifiedSocialCreditCode.CheckCharacter), which the history uses.</summary>
public static class CreditCodes
{
    private static readonly int[] Weights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>C9 = 11 − (Σ Ci·Wi mod 11); 10 is written X and 11 is written 0 (digits-only bodies here).</summary>
    public static char OrganizationCheck(string digits8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += (digits8[i] - '0') * Weights[i];
        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}
