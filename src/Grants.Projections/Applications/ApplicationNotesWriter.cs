using Grants.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace Grants.Projections.Applications;

/// <summary>Files the note a request carries in its (hashed) metadata once, under the first event that request
/// appended to the application the note names. Keyed by request id, so a live append (all its events at once) and
/// a replay (one event at a time) file the same row, and views, rebuilds and auditors read the same text. A late write:
/// nothing in an append reads it back (a command's answer takes the notes from its history by the same rule,
/// <see cref="NoteFiling"/>), and it never refuses.</summary>
internal static class ApplicationNotesWriter
{
    public static void File(LateWrites late, IReadOnlyList<StoredEvent> events)
    {
        foreach (var stored in events)
        {
            if (NoteFiling.Of(stored) is not var (applicationId, note))
                continue;

            var command = new NpgsqlBatchCommand("""
                insert into grants.application_notes (application_id, version, note)
                select $1, $2, $3
                 where not exists (select 1 from grants.application_notes
                                    where application_id = $1 and note->>'request_id' = $4)
                """)
            {
                Parameters =
                {
                    new NpgsqlParameter { Value = applicationId },
                    new NpgsqlParameter { Value = stored.Version },
                    new NpgsqlParameter { Value = note, NpgsqlDbType = NpgsqlDbType.Jsonb },
                    new NpgsqlParameter { Value = stored.Metadata.RequestId },
                },
            };
            late.Add(command, (error, _, _, _) => Task.FromResult<Exception>(error));
        }
    }
}
