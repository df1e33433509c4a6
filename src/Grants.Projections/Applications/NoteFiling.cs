using System.Buffers;
using System.Text;
using System.Text.Json;
using Grants.Domain;
using Grants.EventStore;

namespace Grants.Projections.Applications;

/// <summary>The rule by which a request's note is filed: under the application the note names, at the first event the
/// request appended to that application's stream, with the request id added (one row per request). One rule for the
/// projection that files notes and for a command's answer, which takes them from the history it decided on instead of
/// reading them back. The rebuild reads notes by the same rule from their bytes (Audit/Rebuild/Feed/NoteReading).</summary>
public static class NoteFiling
{
    /// <returns>The application the event files its note under and the note as filed (JSON text); null when it files
    /// none.</returns>
    /// <exception cref="InvalidOperationException">The note's application_id is neither a string nor null.</exception>
    public static (string ApplicationId, string Note)? Of(StoredEvent stored) =>
        FiledUnder(stored) is { } applicationId ? (applicationId, WithRequest(stored.Metadata.Note!, stored.Metadata.RequestId)) : null;

    /// <summary>The notes filed under one application, by version, from its stream's events in order: what
    /// grants.application_notes holds for it once those events are committed.</summary>
    public static Dictionary<long, StepNote> Under(IEnumerable<StoredEvent> applicationStream)
    {
        var notes = new Dictionary<long, StepNote>();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in applicationStream)
        {
            // The note's own text: the request id the filed form adds is not a field.
            if (FiledUnder(stored) is not null && requests.Add(stored.Metadata.RequestId))
                notes[stored.Version] = StepNote.FromJson(stored.Metadata.Note!);
        }
        return notes;
    }

    /// <summary>The application the event's note is filed under: the one it names, when that is the application of
    /// the event's own stream.</summary>
    private static string? FiledUnder(StoredEvent stored) =>
        stored.Metadata.Note is { } note && ApplicationOf(note) is { } applicationId
        && stored.StreamId == StreamIds.Application(new Grants.Domain.ApplicationId(applicationId))
            ? applicationId
            : null;

    // The first application_id member of the note, read in place: a tree of the whole note for one member was a
    // sixteenth of what an approval allocated (docs/PERFORMANCE.md, eighteenth session).
    private static string? ApplicationOf(string note)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(note.Length));
        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, Encoding.UTF8.GetBytes(note, buffer)));
            if (!NoteApplication.Find(ref reader))
                return null;
            return reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.String => reader.GetString(),
                _ => throw new InvalidOperationException(NoteApplication.NotAString(reader.TokenType)),
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // request_id goes last: jsonb keeps the last of duplicate keys, so this files what overwriting the member would.
    // The note names its application, so it is never an empty object.
    private static string WithRequest(string note, string requestId) =>
        string.Concat(note.AsSpan(0, note.LastIndexOf('}')), ",\"request_id\":", JsonSerializer.Serialize(requestId), "}");
}
