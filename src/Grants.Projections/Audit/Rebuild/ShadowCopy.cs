using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;

namespace Grants.Projections.Audit.Rebuild;

/// <summary>A binary COPY into one shadow table, each row encoded here in PostgreSQL's binary COPY layout and sent
/// through a raw COPY stream by a <see cref="CopySender"/>: a million note and ledger rows cost no per-value conversion lookups. Values are encoded
/// as Npgsql's own writers encode them (UTF-8 text, big-endian integers, days and microseconds since 2000-01-01 with
/// the minimum and maximum date as -infinity and infinity), so the shadow holds what the live writers would store.
/// Until <see cref="Complete"/>, disposing cancels the COPY; nothing else may run on the connection meanwhile.</summary>
internal sealed class ShadowCopy : IAsyncDisposable
{
    private const byte JsonbVersion = 1;
    private static readonly long EpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int EpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];

    private readonly NpgsqlRawCopyStream _stream;
    private readonly CopySender _sender;
    private readonly short _columns;
    private byte[] _buffer = new byte[64 * 1024];
    private int _length;
    private bool _completed;

    private ShadowCopy(NpgsqlRawCopyStream stream, int columns)
    {
        _stream = stream;
        _sender = new CopySender(stream);
        _columns = checked((short)columns);
        Header.CopyTo(_buffer);
        _length = Header.Length;
    }

    public static async Task<ShadowCopy> Begin(NpgsqlConnection connection, string copy, int columns, CancellationToken ct) =>
        new(await connection.BeginRawBinaryCopyAsync(copy, ct), columns);

    public void StartRow() => BinaryPrimitives.WriteInt16BigEndian(Reserve(2), _columns);

    /// <summary>The writer's back-pressure, awaited between rows: encoding never blocks (<see cref="CopySender"/>), so
    /// a writer that never awaited this would hold every row it wrote in memory until PostgreSQL took it.</summary>
    public Task Paced() => _sender.Paced();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }
        var room = Reserve(4 + Encoding.UTF8.GetMaxByteCount(value.Length));
        var length = Encoding.UTF8.GetBytes(value, room[4..]);
        BinaryPrimitives.WriteInt32BigEndian(room, length);
        _length -= room.Length - 4 - length;
    }

    /// <summary>Text already encoded as UTF-8.</summary>
    public void Utf8Text(ReadOnlyMemory<byte> value) => Bytes(value.Span, prefix: null);

    /// <summary>JSON text already encoded as UTF-8, into a jsonb column.</summary>
    public void Utf8Json(ReadOnlyMemory<byte> value) => Bytes(value.Span, prefix: JsonbVersion);

    public void Long(long? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var room = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(room, 8);
        BinaryPrimitives.WriteInt64BigEndian(room[4..], v);
    }

    public void Int(int? value)
    {
        if (value is not { } v)
        {
            Null();
            return;
        }
        var room = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(room, 4);
        BinaryPrimitives.WriteInt32BigEndian(room[4..], v);
    }

    public void Bool(bool value)
    {
        var room = Reserve(5);
        BinaryPrimitives.WriteInt32BigEndian(room, 1);
        room[4] = value ? (byte)1 : (byte)0;
    }

    public void Date(DateOnly? value) => Int(value switch
    {
        null => null,
        { } d when d == DateOnly.MinValue => int.MinValue,
        { } d when d == DateOnly.MaxValue => int.MaxValue,
        { } d => d.DayNumber - EpochDay,
    });

    /// <summary>A timestamptz, from a UTC time: the image keeps times as 8-byte UTC <see cref="DateTime"/>s rather than
    /// 16-byte <see cref="DateTimeOffset"/>s (a timestamptz keeps no offset), which at a million events is 6 MB.</summary>
    public void Time(DateTime? utc) => Long(utc switch
    {
        null => null,
        { } t when t == DateTime.MinValue => long.MinValue,
        { } t when t == DateTime.MaxValue => long.MaxValue,
        { } t => (t.Ticks - EpochTicks) / TimeSpan.TicksPerMicrosecond,
    });

    /// <summary>Ends the data and waits for PostgreSQL to accept it (a refused row throws here). Once cancelled it does
    /// not end the data, so disposing cancels the COPY; the last buffers, already queued, are not waited on piecemeal.</summary>
    public async Task Complete(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        _sender.Queue(_buffer, _length);
        _length = 0;
        _completed = true;
        await _sender.Drain();
        await _stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
            return;
        _completed = true;
        await _sender.Abandon();
        // After a failed send the COPY has ended already; cancelling it would throw, and from an `await using` that
        // exception would replace the connection's error on its way to the caller.
        if (!_sender.Failed)
            await _stream.CancelAsync();
        await _stream.DisposeAsync();
    }

    private void Null() => BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Bytes(ReadOnlySpan<byte> value, byte? prefix)
    {
        var extra = prefix is null ? 0 : 1;
        var room = Reserve(4 + extra + value.Length);
        BinaryPrimitives.WriteInt32BigEndian(room, extra + value.Length);
        if (prefix is { } p)
            room[4] = p;
        value.CopyTo(room[(4 + extra)..]);
    }

    /// <summary>The next <paramref name="size"/> bytes of the buffer, sending what it holds first when they do not fit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Span<byte> Reserve(int size)
    {
        if (_length + size > _buffer.Length)
        {
            _buffer = _sender.Queue(_buffer, _length);
            _length = 0;
            if (size > _buffer.Length)
                _buffer = new byte[size];
        }
        var room = _buffer.AsSpan(_length, size);
        _length += size;
        return room;
    }
}
