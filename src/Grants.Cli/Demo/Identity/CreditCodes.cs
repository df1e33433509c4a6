using Bogus;

namespace Grants.Cli.Demo.Identity;

/// <summary>统一社会信用代码 (GB 32100-2015) for generated enterprises: registration authority 9 (market regulation),
/// type 1 (enterprise), a Shanghai division code, a 9-character organisation code with its own GB 11714-1997 check
/// character, and the mod-31 check character over the first 17.</summary>
public static class CreditCodes
{
    /// <summary>The 31 characters of the code, in value order: no I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly int[] OrganizationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <param name="division">Six-digit administrative division, e.g. "310101" for 黄浦区.</param>
    public static string Generate(Randomizer random, string division = "310101")
    {
        ArgumentNullException.ThrowIfNull(random);
        if (division.Length != 6 || !division.All(char.IsAsciiDigit))
            throw new ArgumentException("a division code has six digits", nameof(division));
        // Digits only in the body: its GB 11714 check may be 'X', which the credit code alphabet also has.
        var body = random.String2(8, "0123456789");
        var first17 = "91" + division + body + OrganizationCheckCharacter(body);
        return first17 + CheckCharacter(first17);
    }

    /// <summary>The code whose eight-digit body is <paramref name="number"/> (0 … 99,999,999): distinct numbers give
    /// distinct codes, for generators that must never register one enterprise twice.</summary>
    public static string FromNumber(int number, string division = "310101")
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99_999_999);
        if (division.Length != 6 || !division.All(char.IsAsciiDigit))
            throw new ArgumentException("a division code has six digits", nameof(division));
        var body = number.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var first17 = "91" + division + body + OrganizationCheckCharacter(body);
        return first17 + CheckCharacter(first17);
    }

    /// <summary>GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), where 31 maps to 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("the check character covers 17 characters", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
                throw new ArgumentException($"'{first17[i]}' is not a credit code character", nameof(first17));
            sum += value * Weights[i];
        }
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>GB 11714-1997: C9 = 11 − (Σ Ci·Wi mod 11); 10 is written X and 11 is written 0. Letters count
    /// A = 10 … Z = 35.</summary>
    public static char OrganizationCheckCharacter(ReadOnlySpan<char> first8)
    {
        if (first8.Length != 8)
            throw new ArgumentException("the organisation code check covers 8 characters", nameof(first8));
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsAsciiDigit(c) ? c - '0'
                : char.IsAsciiLetterUpper(c) ? c - 'A' + 10
                : throw new ArgumentException($"'{c}' is not an organisation code character", nameof(first8));
            sum += value * OrganizationWeights[i];
        }
        return (11 - sum % 11) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}
