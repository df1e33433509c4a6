using System.Text;

namespace Grants.Cli.Output;

/// <summary>Amounts for people: integer fen shown as yuan with two decimals and thousands separators, e.g.
/// 123456789 → "1,234,567.89". Integer maths only, so no amount is ever rounded.</summary>
public static class Yuan
{
    public const string None = "-";

    public static string Format(long fen)
    {
        // long.MinValue has no positive long; its magnitude still fits an unsigned long.
        var magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        var whole = (magnitude / 100).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var text = new StringBuilder(whole.Length + whole.Length / 3 + 4);
        if (fen < 0)
            text.Append('-');
        for (var i = 0; i < whole.Length; i++)
        {
            if (i > 0 && (whole.Length - i) % 3 == 0)
                text.Append(',');
            text.Append(whole[i]);
        }
        var cents = magnitude % 100;
        return text.Append('.').Append((char)('0' + cents / 10)).Append((char)('0' + cents % 10)).ToString();
    }

    /// <summary>"-" for an absent amount (no cap, nothing requested under a non-monetary measure).</summary>
    public static string Format(long? fen) => fen is { } value ? Format(value) : None;
}
