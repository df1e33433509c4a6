using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Grants.EventStore;

/// <summary>RFC 8785 (JCS) style canonical JSON, restricted to integers: object keys sorted by UTF-16 code units,
/// no whitespace, JCS string escaping, numbers as their exact decimal digits. Fractions and exponents are refused,
/// because events carry money as integer fen and a float's text form is not stable across tools.</summary>
public static class CanonicalJson
{
    private static readonly byte[] Hex = "0123456789abcdef"u8.ToArray();

    /// <summary>The canonical UTF-8 bytes of a JSON document (any whitespace, any key order).</summary>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json)
    {
        var buffer = new ArrayBufferWriter<byte>(utf8Json.Length + 16);
        using var document = JsonDocument.Parse(utf8Json.ToArray());
        Write(buffer, document.RootElement);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Canonicalize(string json) => Canonicalize(Encoding.UTF8.GetBytes(json));

    internal static void Write(IBufferWriter<byte> output, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object: WriteObject(output, element); break;
            case JsonValueKind.Array: WriteArray(output, element); break;
            case JsonValueKind.String: WriteString(output, element.GetString()!); break;
            case JsonValueKind.Number: WriteInteger(output, element.GetRawText()); break;
            case JsonValueKind.True: output.Write("true"u8); break;
            case JsonValueKind.False: output.Write("false"u8); break;
            case JsonValueKind.Null: output.Write("null"u8); break;
            default: throw new CanonicalJsonException($"Unexpected JSON value kind {element.ValueKind}.");
        }
    }

    internal static void WriteString(IBufferWriter<byte> output, string value)
    {
        output.Write("\""u8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                case < ' ':
                    output.Write("\\u00"u8);
                    output.Write([Hex[c >> 4], Hex[c & 0xF]]);
                    break;
                default:
                    if (char.IsSurrogate(c))
                    {
                        if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                            throw new CanonicalJsonException("A string holds a lone UTF-16 surrogate, which has no UTF-8 form.");
                        WriteUtf8(output, value.AsSpan(i, 2));
                        i++;
                    }
                    else
                    {
                        WriteUtf8(output, value.AsSpan(i, 1));
                    }
                    break;
            }
        }
        output.Write("\""u8);
    }

    internal static void WriteInteger(IBufferWriter<byte> output, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        value.TryFormat(digits, out var written, provider: System.Globalization.CultureInfo.InvariantCulture);
        output.Write(digits[..written]);
    }

    private static void WriteObject(IBufferWriter<byte> output, JsonElement element)
    {
        // Each name is read once: JsonProperty.Name makes a new string at every call, and the sort called it at every
        // comparison, a tenth of what an append allocated (docs/PERFORMANCE.md, eighteenth session).
        var members = new (string Name, JsonElement Value)[element.GetPropertyCount()];
        var count = 0;
        foreach (var property in element.EnumerateObject())
            members[count++] = (property.Name, property.Value);
        // Ordinal string comparison in .NET is exactly "by UTF-16 code units", which is what JCS specifies.
        Array.Sort(members, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        output.Write("{"u8);
        for (var i = 0; i < members.Length; i++)
        {
            if (i > 0)
            {
                if (members[i - 1].Name == members[i].Name)
                    throw new CanonicalJsonException($"Key \"{members[i].Name}\" appears twice in one object.");
                output.Write(","u8);
            }
            WriteString(output, members[i].Name);
            output.Write(":"u8);
            Write(output, members[i].Value);
        }
        output.Write("}"u8);
    }

    private static void WriteArray(IBufferWriter<byte> output, JsonElement element)
    {
        output.Write("["u8);
        var first = true;
        foreach (var item in element.EnumerateArray())
        {
            if (!first) output.Write(","u8);
            first = false;
            Write(output, item);
        }
        output.Write("]"u8);
    }

    private static void WriteInteger(IBufferWriter<byte> output, string raw)
    {
        if (!IsInteger(raw))
            throw new CanonicalJsonException($"Number {raw} is not an integer; events hold integers only (money in fen).");
        // PostgreSQL's numeric has no negative zero, so jsonb gives back "0" for "-0": agree with it.
        output.Write(Encoding.ASCII.GetBytes(raw == "-0" ? "0" : raw));
    }

    private static bool IsInteger(string raw)
    {
        var digits = raw.AsSpan(raw.StartsWith('-') ? 1 : 0);
        if (digits.Length == 0 || (digits[0] == '0' && digits.Length > 1))
            return false;
        foreach (var c in digits)
            if (c is < '0' or > '9')
                return false;
        return true;
    }

    private static void WriteUtf8(IBufferWriter<byte> output, ReadOnlySpan<char> chars)
    {
        Span<byte> bytes = stackalloc byte[4];
        var count = Encoding.UTF8.GetBytes(chars, bytes);
        output.Write(bytes[..count]);
    }
}

/// <summary>The JSON cannot be put in canonical form (a fraction, an exponent, a duplicate key, a lone surrogate).</summary>
public sealed class CanonicalJsonException(string message) : Exception(message);
