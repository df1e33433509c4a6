using System.Buffers.Binary;

namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>The fields of the rows of a <see cref="CopyBlock"/>, in order, as PostgreSQL's binary send functions
/// wrote them (big-endian integers; text as UTF-8; jsonb as a version byte and the text).</summary>
internal struct CopyFields(CopyBlock block)
{
    private const byte JsonbVersion = 1;

    // Microseconds since 2000-01-01 UTC, PostgreSQL's epoch for timestamptz.
    private static readonly long EpochTicks = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    private int _at = block.Start;

    /// <returns>False at the end of the block.</returns>
    public bool NextRow()
    {
        if (_at >= block.End)
            return false;
        _at += 2;
        return true;
    }

    public long Int64() => BinaryPrimitives.ReadInt64BigEndian(Field().Span);

    public DateTimeOffset TimestampTz() => new(checked(EpochTicks + Int64() * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);

    /// <summary>A text field's UTF-8 bytes.</summary>
    public ReadOnlyMemory<byte> Text() => Field();

    /// <summary>A jsonb field's JSON text (UTF-8); empty when the field is NULL.</summary>
    public ReadOnlyMemory<byte> Jsonb()
    {
        var field = Field();
        if (field.IsEmpty)
            return field;
        if (field.Span[0] != JsonbVersion)
            throw new InvalidDataException($"jsonb in binary format version {field.Span[0]}, expected {JsonbVersion}.");
        return field[1..];
    }

    /// <summary>The next field; empty when NULL.</summary>
    private ReadOnlyMemory<byte> Field()
    {
        var length = BinaryPrimitives.ReadInt32BigEndian(block.Buffer.AsSpan(_at));
        _at += 4;
        if (length < 0)
            return ReadOnlyMemory<byte>.Empty;
        var field = new ReadOnlyMemory<byte>(block.Buffer, _at, length);
        _at += length;
        return field;
    }
}
