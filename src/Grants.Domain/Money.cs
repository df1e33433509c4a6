using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grants.Domain;

/// <summary>An amount of renminbi in integer fen (1 yuan = 100 fen). Arithmetic is checked: an overflow
/// throws instead of wrapping, because a wrapped budget is a silent overspend.</summary>
[JsonConverter(typeof(MoneyJsonConverter))]
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromYuan(long yuan) => new(checked(yuan * 100));
    public static Money FromWan(long wan) => new(checked(wan * 1_000_000));

    public bool IsNegative => Fen < 0;
    public bool IsPositive => Fen > 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));
    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));
    public static Money operator -(Money a) => new(checked(-a.Fen));
    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;
    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;
    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;
    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public static Money Min(Money a, Money b) => a <= b ? a : b;
    public static Money Max(Money a, Money b) => a >= b ? a : b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Yuan with two decimals and thousands separators, e.g. "1,000,000.00". Integer maths only.</summary>
    public string ToYuanString()
    {
        var abs = Fen == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(Fen);
        var text = string.Create(CultureInfo.InvariantCulture, $"{abs / 100:N0}.{abs % 100:00}");
        return Fen < 0 ? "-" + text : text;
    }

    public override string ToString() => ToYuanString();
}

/// <summary>Money is stored in events as a bare JSON integer of fen, so auditors read exact amounts.</summary>
public sealed class MoneyJsonConverter : JsonConverter<Money>
{
    public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value.Fen);
}
