namespace Grants.Projections.Audit;

/// <summary>How far a long audit job is, for the caller to show (units depend on the phase: events or tables).</summary>
public sealed record WorkProgress(string Phase, long Done, long Total);
