using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.Domain;
using Grants.Domain.Catalog;

namespace Grants.Projections.Applications;

/// <summary>What a request says that its events do not keep: the officer's bureau, a comment, a repayment due date,
/// a submission's title and description. It travels in the event metadata (hashed with the events), wrapped with the
/// application it concerns (<see cref="For"/>), and <see cref="ApplicationNotesWriter"/> files it once per request in
/// grants.application_notes for the views; decisions never depend on it. One definition for every writer of notes
/// (the API, the history generator), so the stored form cannot drift between them.</summary>
public sealed record StepNote(
    string? OfficerId = null,
    string? OfficerBureau = null,
    string? Comment = null,
    DateOnly? DueOn = null,
    string? Title = null,
    string? Description = null)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>An officer's step, with their comment when they made one.</summary>
    public static StepNote By(string officerId, string officerBureau, string? comment = null) =>
        new(officerId, officerBureau, string.IsNullOrEmpty(comment) ? null : comment);

    public static StepNote By(OfficialId officer, BureauCode bureau, string? comment = null) => By(officer.Value, bureau.Value, comment);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>A note from its JSON text, as it travels or as filed (<see cref="NoteFiling"/>): the application and
    /// request ids it carries are not fields.</summary>
    public static StepNote FromJson(string json) => JsonSerializer.Deserialize<StepNote>(json, Json) ?? new StepNote();

    /// <summary>The note as it travels in the event metadata: its fields plus the application it belongs to, because
    /// one append may touch two applications (an offset) and the note is about one of them. The member is added to the
    /// text, last, without parsing the note back.</summary>
    public string For(Grants.Domain.ApplicationId application)
    {
        var fields = ToJson();
        var id = JsonSerializer.Serialize(application.Value, Json);
        return fields == "{}"
            ? string.Concat("{\"application_id\":", id, "}")
            : string.Concat(fields.AsSpan(0, fields.Length - 1), ",\"application_id\":", id, "}");
    }
}
