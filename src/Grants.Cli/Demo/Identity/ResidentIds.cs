using System.Globalization;
using Bogus;

namespace Grants.Cli.Demo.Identity;

/// <summary>居民身份证号码 (GB 11643-1999) for generated Shanghai residents: a 3101xx district code, the birth date,
/// a three-digit sequence (odd for men, even for women) and the ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentIds
{
    /// <summary>Address codes of Shanghai's districts (3101xx): 黄浦 01, 徐汇 04, 长宁 05, 静安 06, 普陀 07, 虹口 09,
    /// 杨浦 10, 闵行 12, 宝山 13, 嘉定 14, 浦东新区 15, 金山 16, 松江 17, 青浦 18, 奉贤 20, 崇明 51.</summary>
    public static readonly IReadOnlyList<string> ShanghaiAreas =
        ["310101", "310104", "310105", "310106", "310107", "310109", "310110", "310112",
         "310113", "310114", "310115", "310116", "310117", "310118", "310120", "310151"];

    private const string CheckCharacters = "10X98765432";
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    public static string Generate(Randomizer random, DateOnly birthDate, bool male)
    {
        ArgumentNullException.ThrowIfNull(random);
        var area = random.ListItem(ShanghaiAreas.ToList());
        var sequence = random.Number(0, 499) * 2 + (male ? 1 : 0);
        var first17 = area + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        return first17 + CheckCharacter(first17);
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
            throw new ArgumentException("the check character covers 17 digits", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(first17[i]))
                throw new ArgumentException($"'{first17[i]}' is not a digit", nameof(first17));
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }
}
