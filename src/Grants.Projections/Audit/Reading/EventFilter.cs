namespace Grants.Projections.Audit.Reading;

/// <summary>Which events an audit read returns; every criterion is optional and they combine with AND.</summary>
/// <param name="Bureau">Events whose body names the bureau as paying_bureau, approver_bureau, official_bureau or an
/// appropriation's bureau, at any depth (so both AwardApproved.ledger.paying_bureau and AppropriationMade.budget.bureau).</param>
/// <param name="RecordedFrom">Inclusive.</param>
/// <param name="RecordedBefore">Exclusive.</param>
public sealed record EventFilter(
    string? StreamId = null,
    string? StreamType = null,
    IReadOnlyList<string>? EventTypes = null,
    string? Bureau = null,
    DateTimeOffset? RecordedFrom = null,
    DateTimeOffset? RecordedBefore = null)
{
    public static readonly EventFilter None = new();

    /// <summary>Events recorded at or before <paramref name="moment"/>: PostgreSQL keeps microseconds, so "before the
    /// next microsecond" is exactly "at or before".</summary>
    public static DateTimeOffset JustAfter(DateTimeOffset moment) =>
        new(moment.UtcTicks - moment.UtcTicks % 10 + 10, TimeSpan.Zero);
}
