using System.Globalization;

namespace Grants.Domain.Applicants.Identity;

/// <summary>居民身份证号码 checks per GB 11643-1999: 6-digit address code, 8-digit birth date, 3-digit sequence and an
/// ISO 7064 MOD 11-2 check character. Only validates; the number itself is never kept (see <see cref="PersonalIdentity"/>).</summary>
public static class ResidentIdNumber
{
    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Upper-cases a trailing x and trims: the form that is hashed, so "…123x" and "…123X" are one person.</summary>
    public static string Normalise(string? number) => (number ?? "").Trim().ToUpperInvariant();

    public static DomainError? Validate(string normalised, string field)
    {
        if (normalised.Length != 18)
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, field, "居民身份证号码 must have 18 characters");
        if (!normalised.AsSpan(0, 17).ContainsOnlyDigits() || !(char.IsAsciiDigit(normalised[17]) || normalised[17] == 'X'))
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, field, "居民身份证号码 is 17 digits and a digit or X");
        if (normalised[0] is '0' or '9')
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, field, "居民身份证号码 address code is not a Chinese region");
        if (!DateOnly.TryParseExact(normalised.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, field, "居民身份证号码 birth date is not a valid date");
        if (normalised[17] != CheckCharacter(normalised.AsSpan(0, 17)))
            return DomainError.Invalid(ErrorCodes.InvalidResidentId, field, "居民身份证号码 check character does not match");
        return null;
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        return true;
    }
}
