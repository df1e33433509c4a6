using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Grants.Api.Tests.Reliability.Fuzz;

/// <summary>Fills any contract message with hostile values by walking its descriptor: every field gets, most of the
/// time, a value from the pools below (edges of every type, ids that look right but are not, text a bureau's
/// system would never send), so a new field is fuzzed the moment it is added to a .proto file.</summary>
public sealed class RandomRequests(Random random)
{
    private const int MaxDepth = 4;

    private static readonly string[] Strings =
    [
        "", " ", "x", "0", "-1", "null", "9223372036854775808",
        "HP-2024-3/18", "HP-2024-3/1", "HP-2024-3/0", "HP-2024-3/999", "PD-2025-29/1", "HP-2024-3", "HP-IPO", "HP-STC",
        "SH-GOV", "SH-HP", "XX-NOPE", "HP-2025-000123", "HP-2025-999999",
        "91310101MA1000001X", "91310101MA10000010", "91310101MA1000001I", // credit codes with wrong or forbidden check characters
        "31010119860301001X", "310101198603010010", "310101190001010011", // resident ids with wrong check digits
        "finance.chen", "a/b", "../../etc/passwd", "'; drop table grants.events; --", "%s%n%x", "\r\nX-Injected: 1",
        "\u202Eevil\u202C", "\u200F\u05D0\u05D1\u200E", "a\0b", "\0", "\uFFFD", "a\uFFFDb", "😀", "👨‍👩‍👧‍👦上海", "\U0010FFFF",
        "上海示例金融科技有限公司", "Ｆｕｌｌ　ｗｉｄｔｈ", "e\u0301", "\t\v\f",
        new string('a', 257), new string('汉', 4_000), new string('9', 70_000),
    ];

    private static readonly long[] Longs =
    [
        0, 1, -1, long.MaxValue, long.MinValue, long.MaxValue - 1, int.MaxValue, (long)int.MaxValue + 1,
        99_999_999, 100_000_000, 100_000_001,          // 100万 yuan cap ± 1 fen
        199_999_999, 200_000_000, 200_000_001,         // 200万
        999_999_999, 1_000_000_000, 1_000_000_001,     // 1000万 (dual approval)
        4_999_999_999, 5_000_000_000, 5_000_000_001,   // 5000万
    ];

    private static readonly int[] Ints =
    [
        0, 1, -1, 2, 12, 13, 29, 31, 32, int.MaxValue, int.MinValue, 1899, 1999, 2000, 2024, 2025, 2100, 2101, 9999, 200, 201,
    ];

    public IMessage Message(MessageDescriptor descriptor, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (random.Next(6) == 0 || (field.FieldType == FieldType.Message && depth >= MaxDepth))
                continue;
            if (field.IsMap)
                continue;
            if (field.IsRepeated)
            {
                var list = (IList)field.Accessor.GetValue(message);
                for (var i = random.Next(4); i > 0; i--)
                    list.Add(Value(field, depth));
            }
            else
                field.Accessor.SetValue(message, Value(field, depth));
        }
        return message;
    }

    /// <summary>Bytes that are rarely a valid message: random, truncated varints, a length prefix far past the end,
    /// a wrong wire type on field 1, a deep group nest.</summary>
    public byte[] Garbage() => random.Next(6) switch
    {
        0 => [0x0A, 0xFF, 0xFF, 0xFF, 0x0F, 0x41],
        1 => [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF],
        2 => [0x0D, 0x01, 0x02],
        3 => [.. Enumerable.Repeat((byte)0x0B, 200)],
        _ => RandomBytes(random.Next(1, 512)),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(T[] pool) => pool[random.Next(pool.Length)];

    private object Value(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => random.Next(10) == 0 ? random.NextInt64().ToString("x", System.Globalization.CultureInfo.InvariantCulture) : Pick(Strings),
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => random.Next(8) == 0 ? random.NextInt64() : Pick(Longs),
        FieldType.UInt64 or FieldType.Fixed64 => unchecked((ulong)Pick(Longs)),
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => Pick(Ints),
        FieldType.UInt32 or FieldType.Fixed32 => unchecked((uint)Pick(Ints)),
        FieldType.Bool => random.Next(2) == 0,
        FieldType.Double => Pick([0d, -1d, double.NaN, double.PositiveInfinity, double.MaxValue]),
        FieldType.Float => Pick([0f, -1f, float.NaN, float.NegativeInfinity]),
        FieldType.Bytes => ByteString.CopyFrom(RandomBytes(random.Next(64))),
        FieldType.Enum => Enum.ToObject(field.EnumType.ClrType, random.Next(3) == 0
            ? Pick([-1, 999, int.MaxValue, int.MinValue, field.EnumType.Values.Count])
            : field.EnumType.Values[random.Next(field.EnumType.Values.Count)].Number),
        FieldType.Message => Message(field.MessageType, depth + 1),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.FieldType, "Field type the fuzzer does not know."),
    };
}
