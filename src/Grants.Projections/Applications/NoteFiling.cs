using System.Text.Json.Nodes;
using Grants.Domain;
using Grants.EventStore;

namespace Grants.Projections.Applications;

/// <summary>The rule by which a request's note is filed: under the application the note names, at the first event the
/// request appended to that application's stream, with the request id added (one row per request). One rule for the
/// projection that files notes and for a command's answer, which takes them from the history it decided on instead of
/// reading them back.</summary>
public static class NoteFiling
{
    /// <returns>The application the event files its note under and the note as filed; null when it files none.</returns>
    public static (string ApplicationId, JsonObject Note)? Of(StoredEvent stored)
    {
        if (stored.Metadata.Note is not { } text || JsonNode.Parse(text) is not JsonObject note
            || note["application_id"]?.GetValue<string>() is not { } applicationId
            || stored.StreamId != StreamIds.Application(new Grants.Domain.ApplicationId(applicationId)))
            return null;
        note["request_id"] = stored.Metadata.RequestId;
        return (applicationId, note);
    }

    /// <summary>The notes filed under one application, by version, from its stream's events in order: what
    /// grants.application_notes holds for it once those events are committed.</summary>
    public static Dictionary<long, StepNote> Under(IEnumerable<StoredEvent> applicationStream)
    {
        var notes = new Dictionary<long, StepNote>();
        var requests = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stored in applicationStream)
        {
            if (Of(stored) is { } filed && requests.Add(stored.Metadata.RequestId))
                notes[stored.Version] = StepNote.From(filed.Note);
        }
        return notes;
    }
}
