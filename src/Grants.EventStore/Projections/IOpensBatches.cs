namespace Grants.EventStore;

/// <summary>An inline projection that locks the rows a group-commit batch crowds on before any of its commands runs:
/// in the first claim's round trip, ahead of every command's savepoint. Such a lock is the batch's own, so a command
/// rolled back to its savepoint (a refusal when a rush runs out of budget) does not take it along, and the next
/// command need not read and lock the row again. Should these reads fail, nothing has been answered: the batch goes
/// one by one, and one by one it runs again without them.</summary>
public interface IOpensBatches
{
    /// <returns>The reads to send first; null when the batch crowds on nothing of this projection's.</returns>
    ClaimRead? Open(BatchScope scope);
}
