using System.Text;
using System.Text.Json;
using Grants.Domain;
using Grants.EventStore;
using Npgsql;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Projections.Audit.Rebuild.Image;

internal sealed record NoteRow(string Json);

/// <summary>grants.application_notes as ApplicationNotesWriter files them: a request's note once, under the first
/// event that request appended to the application the note names.</summary>
internal sealed class Notes(Journal journal) : ImageTable<(string ApplicationId, long Version), NoteRow>(journal)
{
    private readonly Filed _filed = new(journal);

    public override string Name => "application_notes";

    public override IReadOnlyList<string> Columns { get; } = ["application_id", "version", "note"];

    public void File(StoredEvent stored)
    {
        if (stored.Metadata.Note is not { } text || ApplicationOf(text) is not { } applicationId
            || stored.StreamId != StreamIds.Application(new ApplicationId(applicationId)))
            return;

        var requestId = stored.Metadata.RequestId;
        // A null request id is a JSON null, which ->> reads as SQL NULL: it never matches an earlier note.
        if (requestId is not null && _filed.Has(applicationId, requestId))
            return;
        Insert((applicationId, stored.Version), new NoteRow(WithRequest(text, requestId)));
        if (requestId is not null)
            _filed.Add(applicationId, requestId);
    }

    /// <summary>note["application_id"] as ApplicationNotesWriter reads it: the string, null when absent or JSON null,
    /// and an InvalidOperationException for any other kind of value.</summary>
    private static string? ApplicationOf(string note)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(note));
        reader.Read();
        string? found = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isApplication = reader.ValueTextEquals("application_id"u8);
            reader.Read();
            if (isApplication)
            {
                found = reader.TokenType switch
                {
                    JsonTokenType.String => reader.GetString(),
                    JsonTokenType.Null => null,
                    _ => throw new InvalidOperationException($"The note's application_id is a {reader.TokenType}, not a string."),
                };
            }
            reader.Skip();
        }
        return found;
    }

    /// <summary>The note with request_id set. Appended as the last member: jsonb keeps the last of duplicate keys, so
    /// this stores what overwriting the member would (the note names its application, so it is never empty).</summary>
    private static string WithRequest(string note, string? requestId) =>
        string.Concat(note.AsSpan(0, note.LastIndexOf('}')), ", \"request_id\": ", JsonSerializer.Serialize(requestId), "}");

    protected override string? Violated(NoteRow row) => null;

    protected override void Write(NpgsqlBinaryImporter importer, (string ApplicationId, long Version) key, NoteRow row)
    {
        importer.Text(key.ApplicationId);
        importer.Long(key.Version);
        importer.Json(row.Json);
    }

    /// <summary>Which requests already filed a note on which application; journaled like a table, never written.</summary>
    private sealed class Filed(Journal journal) : ImageTable<(string ApplicationId, string RequestId), string>(journal)
    {
        public override string Name => "application_notes (filed)";

        public override IReadOnlyList<string> Columns => [];

        public bool Has(string applicationId, string requestId) => Find((applicationId, requestId)) is not null;

        public void Add(string applicationId, string requestId) => Update((applicationId, requestId), requestId);

        protected override string? Violated(string row) => null;

        protected override void Write(NpgsqlBinaryImporter importer, (string ApplicationId, string RequestId) key, string row) =>
            throw new InvalidOperationException("The filed-requests index is not a table.");
    }
}
