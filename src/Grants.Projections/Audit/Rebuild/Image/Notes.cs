using System.Text;
using System.Text.Json;
using Grants.Domain;
using Grants.EventStore;
using Npgsql;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>grants.application_notes as ApplicationNotesWriter files them: a request's note once, under the first
/// event that request appended to the application the note names. A filed note never changes, so it is not kept: it
/// goes to the shadow table's COPY as soon as its event is committed (the largest table stays out of memory), and
/// only which requests filed a note on which application is remembered.</summary>
internal sealed class Notes(Journal journal) : IJournaled
{
    public const string Table = "application_notes";

    public static readonly IReadOnlyList<string> Columns = ["application_id", "version", "note"];

    private readonly Filed _filed = new(journal);
    private readonly List<(string ApplicationId, long Version, string Json)> _pending = [];
    private NpgsqlBinaryImporter? _sink;

    /// <summary>Where committed notes go; without one (no such live table to compare with) they are dropped.</summary>
    public void StreamTo(NpgsqlBinaryImporter sink) => _sink = sink;

    /// <remarks>The primary key (application, version) cannot repeat: a note is filed only on its own application's
    /// stream, whose versions the events table keeps unique.</remarks>
    public void File(StoredEvent stored)
    {
        if (stored.Metadata.Note is not { } text || ApplicationOf(text) is not { } applicationId
            || stored.StreamId != StreamIds.Application(new ApplicationId(applicationId)))
            return;

        var requestId = stored.Metadata.RequestId;
        // A null request id is a JSON null, which ->> reads as SQL NULL: it never matches an earlier note.
        if (requestId is not null && _filed.Has(applicationId, requestId))
            return;
        if (_pending.Count == 0)
            journal.Touched(this);
        _pending.Add((applicationId, stored.Version, WithRequest(text, requestId)));
        if (requestId is not null)
            _filed.Add(applicationId, requestId);
    }

    void IJournaled.Forget()
    {
        foreach (var (applicationId, version, json) in _pending)
        {
            if (_sink is null)
                continue;
            _sink.StartRow();
            _sink.Text(applicationId);
            _sink.Long(version);
            _sink.Json(json);
        }
        _pending.Clear();
    }

    void IJournaled.Undo() => _pending.Clear();

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
