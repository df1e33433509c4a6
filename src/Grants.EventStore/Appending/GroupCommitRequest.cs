namespace Grants.EventStore;

/// <summary>One caller's prepared append waiting for a batch, and the task its caller awaits (completed with
/// RunContinuationsAsynchronously, so callers never run on the writer's thread).</summary>
internal sealed record GroupCommitRequest(
    PreparedAppend Prepared,
    AppendOptions? Options,
    CancellationToken CallerToken,
    TaskCompletionSource<AppendResult> Completion)
{
    public IReadOnlyList<StreamAppend> Appends => Prepared.Appends;

    public EventMetadata Metadata => Prepared.Metadata;

    public static GroupCommitRequest Create(EventTypeRegistry types, IReadOnlyList<StreamAppend> appends, EventMetadata metadata,
                                            AppendOptions? options, CancellationToken ct) =>
        new(PreparedAppend.Prepare(types, appends, metadata), options, ct,
            new TaskCompletionSource<AppendResult>(TaskCreationOptions.RunContinuationsAsynchronously));
}
