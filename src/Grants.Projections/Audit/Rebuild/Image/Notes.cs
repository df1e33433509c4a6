using System.Runtime.CompilerServices;
using Grants.Projections.Audit.Rebuild.Feed;

namespace Grants.Projections.Audit.Rebuild.Image;

/// <summary>grants.application_notes as ApplicationNotesWriter files them: a request's note once, under the first
/// event that request appended to the application the note names. A filed note never changes, so it is not kept: it
/// goes to the shadow table's COPY as soon as its event is committed (the largest table stays out of memory), and
/// only which requests filed a note on which application is remembered.</summary>
internal sealed class Notes(Journal journal) : IJournaled
{
    public const string Table = "application_notes";

    public static readonly IReadOnlyList<string> Columns = ["application_id", "version", "note"];

    private static ReadOnlySpan<byte> RequestMember => ", \"request_id\": "u8;

    private FiledNotes _filed = new();
    private readonly List<(NoteToFile Note, long Version)> _pending = [];
    private byte[] _json = new byte[1024];
    private ShadowCopy? _sink;

    /// <summary>Room to remember the notes of about this many applications.</summary>
    public void Reserve(long applications) => _filed.Reserve(applications);

    public void Release() => _filed = new();

    /// <summary>Where committed notes go; without one (no such live table to compare with) they are dropped.</summary>
    public void StreamTo(ShadowCopy sink) => _sink = sink;

    /// <summary>The sink's back-pressure (<see cref="ShadowCopy.Paced"/>), awaited by the fold between batches.</summary>
    public Task Paced() => _sink?.Paced() ?? Task.CompletedTask;

    /// <remarks>The primary key (application, version) cannot repeat: a note is filed only on its own application's
    /// stream, whose versions the events table keeps unique. An event carries one note, so what is pending never
    /// holds two of one request.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void File(in ReplayedEvent stored)
    {
        if (stored.Note is not { } note)
            return;
        if (note.Problem is { } problem)
            throw new InvalidOperationException(problem);
        if (_filed.Contains(note.ApplicationId.Span, note.RequestId.Span))
            return;
        if (_pending.Count == 0)
            journal.Touched(this);
        _pending.Add((note, stored.Version));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void IJournaled.Forget()
    {
        foreach (var (note, version) in _pending)
        {
            _filed.Add(note.ApplicationId.Span, note.RequestId.Span);
            if (_sink is null)
                continue;
            _sink.StartRow();
            _sink.Utf8Text(note.ApplicationId);
            _sink.Long(version);
            _sink.Utf8Json(WithRequest(note));
        }
        _pending.Clear();
    }

    void IJournaled.Undo() => _pending.Clear();

    /// <summary>The note with request_id set. Appended as the last member: jsonb keeps the last of duplicate keys, so
    /// this stores what overwriting the member would (the note names its application, so it is never empty).</summary>
    private ReadOnlyMemory<byte> WithRequest(NoteToFile note)
    {
        var json = note.Json.Span;
        var body = json[..json.LastIndexOf((byte)'}')];
        var length = body.Length + RequestMember.Length + note.RequestId.Length + 1;
        if (_json.Length < length)
            _json = new byte[Math.Max(length, _json.Length * 2)];
        body.CopyTo(_json);
        RequestMember.CopyTo(_json.AsSpan(body.Length));
        note.RequestId.Span.CopyTo(_json.AsSpan(body.Length + RequestMember.Length));
        _json[length - 1] = (byte)'}';
        return _json.AsMemory(0, length);
    }
}
