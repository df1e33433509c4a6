namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>An event as the image folds it: what the inline projections read of a stored event, and nothing else (no
/// hashes, no metadata beyond the note to file).</summary>
/// <param name="Note">The note its request files on this event's application, if any (decided when read).</param>
internal readonly record struct ReplayedEvent(
    long Position, long Version, string EventType, object Data, DateTimeOffset RecordedAt, NoteToFile? Note);

/// <summary>A note in an event's metadata that names the application whose stream the event is on, as
/// ApplicationNotesWriter reads it; the bytes point into the event's <see cref="CopyBlock"/>.</summary>
/// <param name="ApplicationId">The note's application_id, UTF-8.</param>
/// <param name="RequestId">The metadata's request_id as JSON text (a string, "" when absent): equal texts are equal ids.</param>
/// <param name="Json">The note object as JSON text.</param>
/// <param name="Problem">Set when the note's application_id is neither a string nor null: the inline writer fails
/// on it, so folding the event must fail the same way.</param>
internal sealed record NoteToFile(ReadOnlyMemory<byte> ApplicationId, ReadOnlyMemory<byte> RequestId, ReadOnlyMemory<byte> Json, string? Problem);
