using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>Which requests already filed a note on which application: an exact set of (application id, request id)
/// pairs of bytes. A history files a note for most of its events, and a dictionary of string pairs held about 150
/// bytes for each. Here each application's id is kept once, behind an open-addressing table of 8 bytes a slot, with
/// its requests as a list running back from the latest; ids and list entries lie end to end in large arrays. A
/// request is 5 bytes of link and length and its UTF-8, about half of what the pair cost when each held its
/// application's id too, and its own application's few requests are all a look-up compares.</summary>
internal sealed class FiledNotes
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private const int MaxChunks = int.MaxValue >> ChunkBits;
    private const int MaxReservedSlots = 1 << 22;

    private readonly List<byte[]> _chunks = [];
    private int _used = ChunkSize;
    // A slot holds 1 + where its application's record starts (chunk << ChunkBits | offset), 0 when free; its hash lies
    // beside it. A record is the link to its latest request, the id's length and the id; a request entry is the link
    // to the one before it, the id's length and the id. A link is 1 + where its target starts, 0 for none.
    private int[] _slots = new int[1 << 12];
    private int[] _hashes = new int[1 << 12];
    private int _applications;

    /// <summary>Room for about this many applications without growing the table.</summary>
    public void Reserve(long applications)
    {
        var slots = _slots.Length;
        while (slots < MaxReservedSlots && slots * 3L < applications * 4)
            slots *= 2;
        if (slots > _slots.Length && _applications == 0)
            (_slots, _hashes) = (new int[slots], new int[slots]);
    }

    public bool Contains(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var slot = SlotOf(application, Hash(application));
        return _slots[slot] != 0 && Find(_slots[slot] - 1, request);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<byte> application, ReadOnlySpan<byte> request)
    {
        var hash = Hash(application);
        var slot = SlotOf(application, hash);
        int record;
        if (_slots[slot] != 0)
        {
            record = _slots[slot] - 1;
            if (Find(record, request))
                return;
        }
        else
        {
            record = Store(0, application);
            _slots[slot] = 1 + record;
            _hashes[slot] = hash;
            if (++_applications * 4 > _slots.Length * 3)
                Grow();
        }
        var entry = Store(Link(record), request);
        BinaryPrimitives.WriteInt32LittleEndian(At(record), 1 + entry);
    }

    private static int Hash(ReadOnlySpan<byte> application)
    {
        var hash = new HashCode();
        hash.AddBytes(application);
        return hash.ToHashCode();
    }

    /// <summary>The application's slot, or the free slot where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int SlotOf(ReadOnlySpan<byte> application, int hash)
    {
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            if (_slots[slot] == 0 || (_hashes[slot] == hash && Id(_slots[slot] - 1).SequenceEqual(application)))
                return slot;
        }
    }

    /// <summary>Whether the request is on the list of the application whose record starts here.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Find(int record, ReadOnlySpan<byte> request)
    {
        for (var link = Link(record); link != 0; link = Link(link - 1))
        {
            if (Id(link - 1).SequenceEqual(request))
                return true;
        }
        return false;
    }

    private Span<byte> At(int location) => _chunks[location >> ChunkBits].AsSpan(location & (ChunkSize - 1));

    private int Link(int location) => BinaryPrimitives.ReadInt32LittleEndian(At(location));

    /// <summary>The id stored after the link at this location: its length as 7-bit groups, then its bytes.</summary>
    private ReadOnlySpan<byte> Id(int location)
    {
        var bytes = At(location)[4..];
        var (length, at) = (0, 0);
        for (var shift = 0; ; shift += 7)
        {
            var b = bytes[at++];
            length |= (b & 0x7f) << shift;
            if (b < 0x80)
                return bytes.Slice(at, length);
        }
    }

    private int Store(int link, ReadOnlySpan<byte> id)
    {
        var prefix = 1;
        for (var rest = (uint)id.Length >> 7; rest != 0; rest >>= 7)
            prefix++;
        var size = 4 + prefix + id.Length;
        if (_used + size > ChunkSize || _chunks.Count == 0)
        {
            if (_chunks.Count == MaxChunks)
                throw new InvalidOperationException("Too many filed notes to remember for one rebuild.");
            // An id larger than a chunk gets a chunk of its own.
            _chunks.Add(new byte[Math.Max(size, ChunkSize)]);
            _used = 0;
        }
        var location = (_chunks.Count - 1) << ChunkBits | _used;
        var entry = _chunks[^1].AsSpan(_used, size);
        BinaryPrimitives.WriteInt32LittleEndian(entry, link);
        var at = 4;
        var length = (uint)id.Length;
        for (; length >= 0x80; length >>= 7)
            entry[at++] = (byte)(length | 0x80);
        entry[at++] = (byte)length;
        id.CopyTo(entry[at..]);
        _used += size;
        return location;
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
