namespace Grants.EventStore;

/// <summary>An append made ready before any lock is taken — checked, serialised, canonicalised — so a malformed event
/// never makes other writers wait. Shared by the one-by-one and the group-commit paths.</summary>
internal sealed record PreparedAppend(
    IReadOnlyList<StreamAppend> Appends,
    EventMetadata Metadata,
    IReadOnlyList<(string Name, object Data, byte[] Json)> Bodies,
    byte[] CanonicalMetadata)
{
    public static PreparedAppend Prepare(EventTypeRegistry types, IReadOnlyList<StreamAppend> appends, EventMetadata metadata) =>
        new(appends, metadata,
            [.. appends.SelectMany(a => a.Events).Select(e => (types.NameOf(e.GetType()), e, CanonicalJson.Canonicalize(types.SerializeToUtf8Bytes(e))))],
            MetadataJson.ToCanonicalUtf8(metadata));

    /// <summary>The events with their final stream, version, metadata and time; position and hash still empty.</summary>
    public List<StoredEvent> Pending(IReadOnlyDictionary<string, long> versions, DateTimeOffset recordedAt)
    {
        var pending = new List<StoredEvent>(Bodies.Count);
        foreach (var append in Appends)
        {
            var version = versions[append.StreamId] - append.Events.Count;
            foreach (var _ in append.Events)
            {
                var body = Bodies[pending.Count];
                pending.Add(new StoredEvent(0, append.StreamId, append.StreamType, ++version, body.Name, body.Data, Metadata, recordedAt, [], []));
            }
        }
        return pending;
    }

    /// <summary>What the chain step needs of these events once they are pending.</summary>
    public ChainAppender.Part ToChainPart(IReadOnlyList<StoredEvent> pending) =>
        new(pending, [.. Bodies.Select(b => b.Json)], CanonicalMetadata);

    public static void Validate(IReadOnlyList<StreamAppend> appends)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var append in appends)
        {
            ArgumentNullException.ThrowIfNull(append);
            if (string.IsNullOrEmpty(append.StreamId) || string.IsNullOrEmpty(append.StreamType))
                throw new ArgumentException("Every append names its stream and stream type.", nameof(appends));
            if (append.Events is null || append.Events.Count == 0)
                throw new ArgumentException($"The append to '{append.StreamId}' has no events.", nameof(appends));
            if (append.ExpectedVersion < ExpectedVersion.Any)
                throw new ArgumentOutOfRangeException(nameof(appends), $"Expected version {append.ExpectedVersion} of '{append.StreamId}' is not valid.");
            if (!seen.Add(append.StreamId))
                throw new ArgumentException($"Stream '{append.StreamId}' appears twice in one append; merge its events.", nameof(appends));
        }
    }
}
