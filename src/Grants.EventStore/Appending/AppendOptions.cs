using Npgsql;

namespace Grants.EventStore;

/// <summary>Per-append hooks. BeforeCommit runs in the append's transaction after the stream checks and inline
/// projections, before the events get positions; throwing rolls everything back (used for the idempotency record).</summary>
public sealed record AppendOptions(
    Func<NpgsqlConnection, NpgsqlTransaction, IReadOnlyList<StoredEvent>, CancellationToken, ValueTask>? BeforeCommit = null);
