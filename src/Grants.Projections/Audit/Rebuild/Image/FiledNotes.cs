using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>Which requests already filed a note on which application: an exact set of (application id, request id)
/// pairs of bytes. A history files a note for most of its events, and a dictionary of string pairs held about 150
/// bytes for each; here the pairs lie end to end in large arrays (8 bytes of lengths and the UTF-8 of both) behind an
/// open-addressing table of 8 bytes a slot.</summary>
internal sealed class FiledNotes
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = int.MaxValue >> ChunkBits;
    private const int MaxReservedSlots = 1 << 23;

    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    // A slot holds 1 + where its pair starts (chunk << ChunkBits | offset), 0 when free; its hash lies beside it.
    private int[] _slots = new int[1 << 12];
    private int[] _hashes = new int[1 << 12];
    private int _count;

    /// <summary>Room for about this many pairs without growing the table.</summary>
    public void Reserve(long pairs)
    {
        var slots = _slots.Length;
        while (slots < MaxReservedSlots && slots * 3L < pairs * 4)
            slots *= 2;
        if (slots > _slots.Length && _count == 0)
            (_slots, _hashes) = (new int[slots], new int[slots]);
    }

    public bool Contains(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request) =>
        _slots[SlotOf(application, request, Hash(application, request))] != 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var hash = Hash(application, request);
        var slot = SlotOf(application, request, hash);
        if (_slots[slot] != 0)
            return;
        _slots[slot] = 1 + Store(application, request);
        _hashes[slot] = hash;
        if (++_count * 4 > _slots.Length * 3)
            Grow();
    }

    private static int Hash(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var hash = new HashCode();
        hash.AddBytes(application);
        hash.Add(application.Length);
        hash.AddBytes(request);
        return hash.ToHashCode();
    }

    /// <summary>The pair's slot, or the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SlotOf(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request, int hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            if (_slots[slot] == 0 || (_hashes[slot] == hash && Holds(_slots[slot] - 1, application, request)))
                return slot;
        }
    }

    private bool Holds(int at, ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var pair = _chunks[at >> ChunkBits].AsSpan(at & (ChunkSize - 1));
        var applicationLength = BinaryPrimitives.ReadInt32LittleEndian(pair);
        var requestLength = BinaryPrimitives.ReadInt32LittleEndian(pair[4..]);
        return applicationLength == application.Length && requestLength == request.Length
               && pair.Slice(8, applicationLength).SequenceEqual(application)
               && pair.Slice(8 + applicationLength, requestLength).SequenceEqual(request);
    }

    private int Store(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var size = 8 + application.Length + request.Length;
        if (_used + size > ChunkSize || _chunks.Count == 0)
        {
            if (_chunks.Count == MaxChunks)
                throw new InvalidOperationException("Too many filed notes to remember for one rebuild.");
            // A pair larger than a chunk gets a chunk of its own.
            _chunks.Add(new byte[Math.Max(size, ChunkSize)]);
            _used = 0;
        }
        var at = (_chunks.Count - 1) << ChunkBits | _used;
        var pair = _chunks[^1].AsSpan(_used, size);
        BinaryPrimitives.WriteInt32LittleEndian(pair, application.Length);
        BinaryPrimitives.WriteInt32LittleEndian(pair[4..], request.Length);
        application.CopyTo(pair[8..]);
        request.CopyTo(pair[(8 + application.Length)..]);
        _used += size;
        return at;
    }

    private void Grow()
    {
        var (slots, hashes) = (_slots, _hashes);
        _slots = new int[slots.Length * 2];
        _hashes = new int[slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var i = 0; i < slots.Length; i++)
        {
            if (slots[i] == 0)
                continue;
            var slot = hashes[i] & mask;
            while (_slots[slot] != 0)
                slot = (slot + 1) & mask;
            _slots[slot] = slots[i];
            _hashes[slot] = hashes[i];
        }
    }
}
