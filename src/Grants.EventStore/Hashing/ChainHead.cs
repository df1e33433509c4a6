namespace Grants.EventStore;

/// <summary>The last position and its chain hash: a digest an auditor keeps to prove later that nothing up to that
/// position was rewritten, even by someone who recomputed every hash after the change.</summary>
public sealed record ChainHead(long Position, byte[] Hash)
{
    public string HashHex => Convert.ToHexStringLower(Hash);
}
