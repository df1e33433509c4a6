using Grants.Domain.Applications.InstructingTranches;
using Grants.EventStore;
using Npgsql;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>What a view of an application needs beyond its events: the notes of its steps (from its events' metadata,
/// filed in grants.application_notes), and what clawbacks of any application have withheld from each of its tranches.</summary>
public sealed record ApplicationExtras(IReadOnlyDictionary<long, StepNote> Notes, IReadOnlyDictionary<string, long> OffsetFenByTranche)
{
    public static readonly ApplicationExtras None = new(new Dictionary<long, StepNote>(), new Dictionary<string, long>());

    public StepNote? NoteAt(long version) => Notes.GetValueOrDefault(version);

    public long OffsetOf(string paymentReference) => OffsetFenByTranche.GetValueOrDefault(paymentReference);

    /// <summary>With the note a command is filing right now (a late write, not yet visible to a read in its append)
    /// under the version it is filed at.</summary>
    public ApplicationExtras Filing(long version, StepNote note)
    {
        if (Notes.ContainsKey(version))
            return this;
        return this with { Notes = new Dictionary<long, StepNote>(Notes) { [version] = note } };
    }

    /// <param name="transaction">The append's transaction when called before commit (sees its own writes); else null.</param>
    public static async Task<ApplicationExtras> Read(NpgsqlConnection connection, NpgsqlTransaction? transaction, string applicationId,
                                                     CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var command in Commands(applicationId))
            batch.BatchCommands.Add(command);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        return await ReadFrom(reader, ct);
    }

    /// <summary>The extras of an application as the history a command decided on leaves them, before its own events.
    /// The notes follow from the history's events by the projection's own rule (<see cref="NoteFiling"/>), since the
    /// append is at the history's version. Only what clawbacks withheld from its tranches is read, in the version
    /// claim's round trip, and only once it has tranches: no row of grants.application_tranches names an application
    /// before its first TrancheInstructed. <paramref name="read"/> gets the extras once the claim went through.</summary>
    /// <returns>The extras known now, and the read that completes them (null when nothing is left to read).</returns>
    public static (ApplicationExtras Known, ClaimRead? Offsets) WithClaim(ApplicationHistory history, Action<ApplicationExtras> read)
    {
        var known = new ApplicationExtras(NoteFiling.Under(history.Events), new Dictionary<string, long>());
        if (!history.Events.Any(e => e.Data is TrancheInstructed))
            return (known, null);
        return (known, new ClaimRead(() => [Command(OffsetsSql, history.Id.Value)], async (reader, ct) =>
        {
            await ToRows(reader, ct);
            read(known with { OffsetFenByTranche = await ReadOffsets(reader, ct) });
        }));
    }

    private static IEnumerable<NpgsqlBatchCommand> Commands(string applicationId) =>
    [
        Command("select version, note::text from grants.application_notes where application_id = $1", applicationId),
        Command(OffsetsSql, applicationId),
    ];

    private const string OffsetsSql = "select payment_reference, offset_fen from grants.application_tranches where application_id = $1";

    /// <param name="reader">Standing on the notes' result (or on a statement before it that returns no rows).</param>
    private static async Task<ApplicationExtras> ReadFrom(NpgsqlDataReader reader, CancellationToken ct)
    {
        await ToRows(reader, ct);
        var notes = new Dictionary<long, StepNote>();
        while (await reader.ReadAsync(ct))
            notes[reader.GetInt64(0)] = StepNote.FromJson(reader.GetString(1));
        await reader.NextResultAsync(ct);
        return new ApplicationExtras(notes, await ReadOffsets(reader, ct));
    }

    /// <summary>Past the results of statements before the reads that return no rows (a claim's own).</summary>
    private static async Task ToRows(NpgsqlDataReader reader, CancellationToken ct)
    {
        while (reader.FieldCount == 0 && await reader.NextResultAsync(ct))
        {
        }
    }

    private static async Task<Dictionary<string, long>> ReadOffsets(NpgsqlDataReader reader, CancellationToken ct)
    {
        var offsets = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
            offsets[reader.GetString(0)] = reader.GetInt64(1);
        return offsets;
    }

    public static async Task<ApplicationExtras> Read(NpgsqlDataSource dataSource, string applicationId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await Read(connection, null, applicationId, ct);
    }

    private static NpgsqlBatchCommand Command(string sql, string applicationId) =>
        new(sql) { Parameters = { new NpgsqlParameter { Value = applicationId } } };
}
