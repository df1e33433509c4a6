namespace Grants.EventStore;

/// <summary>What the commands of one group-commit batch share, for a projection that writes a crowded row once per
/// batch instead of once per command (a budget line in a deadline rush). The batch runs its commands one after the
/// other and settles each — kept, or rolled back to its savepoint — before the next one's projections run, so a
/// participant's memory can follow exactly what the batch's transaction holds (<see cref="LateWrites.WhenKept"/>).
/// Outside group commit a command has no scope and writes every row itself.</summary>
public sealed class BatchScope
{
    /// <summary>From how many appends of one partition in a batch its rows are kept in memory: below that, reading a
    /// row once under lock costs about what the updates it saves would.</summary>
    public const int CrowdedFrom = 4;

    private readonly Dictionary<string, (int Count, IReadOnlyList<StreamAppend> First)> _appends = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, IBatchParticipant> _participants = [];

    /// <param name="partitions">Each command's partition (the group committer's <c>partitionOf</c>) and appends.</param>
    public BatchScope(IEnumerable<(string Partition, IReadOnlyList<StreamAppend> Appends)> partitions)
    {
        foreach (var (partition, appends) in partitions)
        {
            var (count, first) = _appends.GetValueOrDefault(partition, (0, appends));
            _appends[partition] = (count + 1, first);
        }
    }

    /// <summary>Whether enough appends of this batch move <paramref name="partition"/> to keep its row in memory.</summary>
    public bool IsCrowded(string partition) => _appends.GetValueOrDefault(partition).Count >= CrowdedFrom;

    /// <summary>The crowded partitions, each with the appends of its first command (which name what it stands for).</summary>
    public IEnumerable<(string Partition, IReadOnlyList<StreamAppend> First)> Crowded =>
        _appends.Where(p => p.Value.Count >= CrowdedFrom).Select(p => (p.Key, p.Value.First));

    /// <summary>The batch's one instance of a participant, made on first use.</summary>
    public T Participant<T>() where T : class, IBatchParticipant, new()
    {
        if (!_participants.TryGetValue(typeof(T), out var participant))
            _participants[typeof(T)] = participant = new T();
        return (T)participant;
    }

    /// <summary>What the participants still owe the database for the kept commands, sent with the chain step.</summary>
    internal LateWrites Closing()
    {
        var late = new LateWrites();
        foreach (var participant in _participants.Values)
            participant.Close(late);
        return late;
    }
}

/// <summary>A projection's memory of rows across one batch's commands.</summary>
public interface IBatchParticipant
{
    /// <summary>Queues the writes the kept commands left in memory. Their checks were made in memory against rows
    /// locked for the batch; the tables' constraints still refuse anything else, failing the whole batch.</summary>
    void Close(LateWrites late);
}
