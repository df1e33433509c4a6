using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>One projection table held in memory: rows by primary key, each change journaled until its event is
/// committed. Subclasses are the writers: they change rows exactly as the inline projection's SQL does. Rows are
/// structs held inside the dictionary: an update overwrites the row in place instead of leaving the old row to the
/// collector and promoting a new one, which on a million events was most of the garbage collector's work.</summary>
internal abstract class ImageTable<TKey, TRow>(Journal journal) : IImageTable, IJournaled
    where TKey : notnull
    where TRow : struct
{
    private Dictionary<TKey, TRow> _rows = [];
    private readonly List<(TKey Key, TRow? Old)> _undo = [];

    // Beyond this a table grows as it fills instead of reserving all its rows at once.
    private const int MaxReserved = 4_000_000;

    protected Journal Journal { get; } = journal;

    public abstract string Name { get; }

    public abstract IReadOnlyList<string> Columns { get; }

    public int Count => _rows.Count;

    /// <summary>Room for about this many rows at once (an estimate; the table still grows past it).</summary>
    public void Reserve(long rows) => _rows.EnsureCapacity((int)Math.Min(rows + rows / 32, MaxReserved));

    public TRow? Find(TKey key) => _rows.TryGetValue(key, out var row) ? row : null;

    // Rows are passed by reference from here on: a row of a dozen references copied by value costs a write barrier
    // per reference, and at a dozen copies per event that was half of the applications' fold.
    public bool TryFind(TKey key, out TRow row) => _rows.TryGetValue(key, out row);

    /// <summary>INSERT without ON CONFLICT: CHECKs first, then the primary key, as PostgreSQL orders them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Insert(TKey key, in TRow row)
    {
        Check(row);
        if (_rows.ContainsKey(key))
            throw Refusal.UniqueViolation($"{Name}_pkey");
        Put(key, row);
    }

    /// <summary>An UPDATE's new row version, checked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected void Update(TKey key, in TRow row)
    {
        Check(row);
        Put(key, row);
    }

    /// <summary>The first CHECK constraint the row breaks, in name order (PostgreSQL's order), or null.</summary>
    protected abstract string? Violated(in TRow row);

    protected abstract void Write(ShadowCopy importer, TKey key, TRow row);

    protected void Check(in TRow row)
    {
        if (Violated(row) is { } constraint)
            throw Refusal.CheckViolation(Name, constraint, IsLedger, Journal.EventType);
    }

    /// <summary>Tables of the ledger projection, which turns a CHECK violation into a ledger rule refusal.</summary>
    protected virtual bool IsLedger => false;

    public async Task WriteAll(ShadowCopy importer)
    {
        foreach (var (key, row) in _rows)
        {
            importer.StartRow();
            Write(importer, key, row);
            await importer.Paced();
        }
    }

    public void Release() => _rows = [];

    void IJournaled.Forget() => _undo.Clear();

    void IJournaled.Undo()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (key, old) = _undo[i];
            if (old is { } row)
                _rows[key] = row;
            else
                _rows.Remove(key);
        }
        _undo.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Put(TKey key, in TRow row)
    {
        if (_undo.Count == 0)
            Journal.Touched(this);
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, key, out var existed);
        _undo.Add((key, existed ? slot : null));
        slot = row;
    }
}

/// <summary>What the shadow writer needs of every table of the image.</summary>
internal interface IImageTable
{
    string Name { get; }

    IReadOnlyList<string> Columns { get; }

    int Count { get; }

    void Reserve(long rows);

    Task WriteAll(ShadowCopy importer);

    /// <summary>Lets go of every row (the table is empty afterwards): whatever still holds the table object, such as
    /// a finished async state machine on the stack, no longer holds its rows.</summary>
    void Release();
}
