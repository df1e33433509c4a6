namespace Grants.EventStore;

public sealed partial class PostgresEventStore
{
    private GroupCommitter? _groupCommitter;

    /// <summary>From now on every append goes through <paramref name="committer"/> (opt-in: the server's
    /// Grants:GroupCommit setting). The committer must have been built with the same data source, types and inline
    /// projections as this store.</summary>
    public void UseGroupCommit(GroupCommitter committer) =>
        _groupCommitter = committer ?? throw new ArgumentNullException(nameof(committer));
}
