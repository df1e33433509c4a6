using System.Collections.Concurrent;

namespace Grants.Projections.Ledgers;

/// <summary>Beneficiaries whose row in grants.beneficiary_standing this process has seen committed. Those rows are never
/// deleted, so an approval for a known beneficiary locks the row FOR SHARE without first inserting it (the insert
/// was one statement more in the group-commit writer's serial round trip). A key is learnt only after its append
/// committed (<see cref="Grants.EventStore.LateWrites.WhenCommitted"/>); an unknown one is inserted as before.</summary>
internal sealed class CommittedStandingRows
{
    // About a hundred bytes a key. When full it starts again: a beneficiary not known costs one insert, never a wrong answer.
    private const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    // Counted apart: ConcurrentDictionary.Count takes every lock of the dictionary.
    private int _count;

    public bool Contains(string beneficiaryKey) => _keys.ContainsKey(beneficiaryKey);

    public void Add(string beneficiaryKey)
    {
        if (_keys.ContainsKey(beneficiaryKey))
            return;
        if (Interlocked.Increment(ref _count) > Capacity)
        {
            _keys.Clear();
            Interlocked.Exchange(ref _count, 1);
        }
        if (!_keys.TryAdd(beneficiaryKey, 0))
            Interlocked.Decrement(ref _count);
    }
}
