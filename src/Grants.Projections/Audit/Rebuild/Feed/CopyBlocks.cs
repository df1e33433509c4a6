using System.Buffers.Binary;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>Bytes of whole rows of a binary COPY, pooled; <see cref="Return"/> once nothing reads them any more.</summary>
internal sealed record CopyBlock(byte[] Buffer, int Start, int End)
{
    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}

/// <summary>Cuts the raw stream of a binary COPY (PostgreSQL's documented "PGCOPY" layout: a header, then per row a
/// 16-bit field count and each field as a 32-bit length and its bytes, then -1) into blocks of whole rows. Only the
/// field lengths are looked at here: decoding the values is the workers' job, in place in the block.</summary>
internal sealed class CopyBlocks(Stream copy)
{
    private const int BlockSize = 128 * 1024;
    private static ReadOnlySpan<byte> Signature => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', 0x0a, 0xff, 0x0d, 0x0a, 0x00];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
    private int _filled;
    private bool _headerRead;
    private bool _ended;

    /// <returns>The next block, or null after the last row.</returns>
    public async Task<CopyBlock?> Next(CancellationToken ct)
    {
        while (!_ended)
        {
            var read = await copy.ReadAtLeastAsync(_buffer.AsMemory(_filled), _buffer.Length - _filled, throwOnEndOfStream: false, ct);
            _filled += read;
            var start = _headerRead ? 0 : HeaderLength();
            var (end, last) = WholeRows(_buffer.AsSpan(0, _filled), start);
            if (last)
                _ended = true;
            else if (end == start && read == 0)
                throw new InvalidDataException("The COPY stream ended inside a row.");
            if (end == start && !last)
            {
                // A row longer than the block (a large catalog revision): the block grows until the row fits.
                if (_filled == _buffer.Length)
                    Grow(_buffer.Length * 2);
                continue;
            }

            _headerRead = true;
            var block = new CopyBlock(_buffer, start, end);
            var next = ArrayPool<byte>.Shared.Rent(BlockSize);
            _buffer.AsSpan(end, _filled - end).CopyTo(next);
            _filled -= end;
            _buffer = next;
            return block;
        }
        ArrayPool<byte>.Shared.Return(_buffer);
        return null;
    }

    private int HeaderLength()
    {
        if (_filled < Signature.Length + 8)
            throw new InvalidDataException("The COPY stream is shorter than its header.");
        if (!_buffer.AsSpan(0, Signature.Length).SequenceEqual(Signature))
            throw new InvalidDataException("The COPY stream is not in binary format.");
        return Signature.Length + 8 + BinaryPrimitives.ReadInt32BigEndian(_buffer.AsSpan(Signature.Length + 4));
    }

    /// <returns>Where the last whole row in the bytes ends, and whether the end-of-data marker follows it.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int End, bool Last) WholeRows(ReadOnlySpan<byte> bytes, int start)
    {
        var end = start;
        while (end + 2 <= bytes.Length)
        {
            var fields = BinaryPrimitives.ReadInt16BigEndian(bytes[end..]);
            if (fields == -1)
                return (end, true);
            var at = end + 2;
            for (var i = 0; i < fields; i++)
            {
                if (at + 4 > bytes.Length)
                    return (end, false);
                var length = BinaryPrimitives.ReadInt32BigEndian(bytes[at..]);
                at += 4 + Math.Max(length, 0);
            }
            if (at > bytes.Length)
                return (end, false);
            end = at;
        }
        return (end, false);
    }

    private void Grow(int size)
    {
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, _filled).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
