namespace Grants.EventStore;

/// <summary>One caller's append waiting for a batch: its events already serialised and canonicalised, and the task
/// its caller awaits (completed with RunContinuationsAsynchronously, so callers never run on the writer's thread).</summary>
internal sealed record GroupCommitRequest(
    IReadOnlyList<StreamAppend> Appends,
    EventMetadata Metadata,
    AppendOptions? Options,
    IReadOnlyList<(string Name, object Data, byte[] Json)> Bodies,
    byte[] CanonicalMetadata,
    CancellationToken CallerToken,
    TaskCompletionSource<AppendResult> Completion)
{
    public static GroupCommitRequest Create(EventTypeRegistry types, IReadOnlyList<StreamAppend> appends, EventMetadata metadata,
                                            AppendOptions? options, CancellationToken ct) =>
        new(appends, metadata, options,
            [.. appends.SelectMany(a => a.Events).Select(e => (types.NameOf(e.GetType()), e, CanonicalJson.Canonicalize(types.SerializeToUtf8Bytes(e))))],
            MetadataJson.ToCanonicalUtf8(metadata), ct,
            new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));

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

    /// <summary>The same rules as <see cref="PostgresEventStore.Append(IReadOnlyList{StreamAppend}, EventMetadata, AppendOptions?, CancellationToken)"/>.</summary>
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
