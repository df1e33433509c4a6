namespace Grants.EventStore;

/// <summary>The stream was not at the version the writer expected: someone else appended first. Never a raw 23505.</summary>
public sealed class ConcurrencyException(string streamId, long expectedVersion, long actualVersion)
    : Exception($"Stream '{streamId}' expected at version {expectedVersion} but is at {actualVersion}.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    public long ActualVersion { get; } = actualVersion;
}
