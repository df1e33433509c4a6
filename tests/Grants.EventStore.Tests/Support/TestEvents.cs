using Grants.EventStore;

namespace Grants.EventStore.Tests.Support;

public sealed record AwardRequested(string Applicant, long AmountFen);

public sealed record AwardApproved(long AmountFen, string ApprovedBy);

/// <summary>Written by the concurrency tests; Doomed ones are rolled back on purpose.</summary>
public sealed record WriterTick(int Writer, int Sequence, bool Doomed);

public sealed record WithFraction(double Rate);

public static class TestTypes
{
    public static EventTypeRegistry Registry() => new EventTypeRegistry()
        .Register<AwardRequested>("award_requested.v1")
        .Register<AwardApproved>("award_approved.v1")
        .Register<WriterTick>("writer_tick.v1")
        .Register<WithFraction>("with_fraction.v1");

    public static PostgresEventStore Store(Npgsql.NpgsqlDataSource dataSource, TimeProvider? clock = null,
                                           params IInlineProjection[] inline) =>
        new(dataSource, Registry(), inline, clock ?? TimeProvider.System);

    public static EventMetadata Metadata(string requestId = "req-1") => new("officer:wang", requestId, "corr-1");
}
