namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>What one event changed in the image, so a refused event leaves no trace: the inline projections run each
/// event in a transaction, and an event they refuse writes nothing, not even the rows it touched before the refusal.</summary>
internal sealed class Journal
{
    private readonly List<IJournaled> _touched = [];

    /// <summary>The stored name of the event being folded (ledger constraint refusals name it).</summary>
    public string EventType { get; private set; } = "";

    public void Begin(string eventType) => EventType = eventType;

    public void Touched(IJournaled table) => _touched.Add(table);

    public void Commit()
    {
        foreach (var table in _touched)
            table.Forget();
        _touched.Clear();
    }

    public void Rollback()
    {
        for (var i = _touched.Count - 1; i >= 0; i--)
            _touched[i].Undo();
        _touched.Clear();
    }
}

internal interface IJournaled
{
    void Forget();

    void Undo();
}
