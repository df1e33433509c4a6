namespace Grants.EventStore;

/// <summary>The answer of a chain verification. When not Ok, FirstBadPosition is the earliest position that is
/// missing or whose stored bytes no longer produce its stored hash, and CheckedThrough the last position that did.</summary>
public sealed record VerifyResult(bool Ok, long CheckedThrough, long? FirstBadPosition, string? Problem)
{
    internal static VerifyResult Passed(long checkedThrough) => new(true, checkedThrough, null, null);

    internal static VerifyResult Failed(long position, string problem) => new(false, position - 1, position, problem);
}
