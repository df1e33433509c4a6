namespace Grants.EventStore;

/// <summary>Where the embedded cluster keeps its data and how it listens. Port 0 picks a free loopback port.
/// Durable=false turns off fsync and friends: only for throwaway test clusters, a crash may corrupt them.</summary>
public sealed record EmbeddedPostgresOptions(string DataDirectory, int Port = 0, bool Durable = true);
