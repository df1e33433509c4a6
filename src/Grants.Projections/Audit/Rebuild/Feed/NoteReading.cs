using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text;
using Grants.Domain;
using Grants.Projections.Applications;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Projections.Audit.Rebuild.Feed;

/// <summary>Which note an event files, decided as ApplicationNotesWriter decides it: the metadata's note must be an
/// object whose application_id is the application of the event's own stream. Done while decoding, on the workers,
/// straight from the bytes read.</summary>
internal static class NoteReading
{
    // "application-": the stream id of an application is this prefix and its id.
    private static readonly byte[] ApplicationStream = Encoding.UTF8.GetBytes(StreamIds.Application(new ApplicationId("")));

    // A request id that is absent or not a string is read as "" (EventMetadata.FromStoredJson does the same).
    private static readonly ReadOnlyMemory<byte> NoRequest = "\"\""u8.ToArray();

    /// <param name="note">metadata->'note' as JSON text (empty when absent).</param>
    /// <param name="requestId">metadata->'request_id' as JSON text (empty when absent).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static NoteToFile? Of(ReadOnlyMemory<byte> note, ReadOnlyMemory<byte> requestId, ReadOnlyMemory<byte> streamId)
    {
        if (note.IsEmpty || note.Span[0] != (byte)'{')
            return null;

        var reader = new Utf8JsonReader(note.Span);
        if (!NoteApplication.Find(ref reader))
            return null;
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.String => OnOwnStream(ref reader, streamId.Span)
                ? new NoteToFile(streamId[ApplicationStream.Length..], Request(requestId), note, null)
                : null,
            // The inline writer (NoteFiling) throws on it, whichever stream the event is on.
            _ => new NoteToFile(default, default, default, NoteApplication.NotAString(reader.TokenType)),
        };
    }

    private static bool OnOwnStream(ref Utf8JsonReader reader, ReadOnlySpan<byte> streamId) =>
        streamId.StartsWith(ApplicationStream) && reader.ValueTextEquals(streamId[ApplicationStream.Length..]);

    private static ReadOnlyMemory<byte> Request(ReadOnlyMemory<byte> requestId) =>
        !requestId.IsEmpty && requestId.Span[0] == (byte)'"' ? requestId : NoRequest;
}
