using System.Text.Json.Nodes;

namespace Grants.Api.Services.Applications;

/// <summary>A step's note as it travels in the event metadata: the note's fields plus the application it belongs to,
/// because one append may touch two applications (an offset) and the note is about one of them.</summary>
public static class ApplicationNotes
{
    public static string Wrap(ApplicationId id, StepNote note)
    {
        var json = JsonNode.Parse(note.ToJson())!.AsObject();
        json["application_id"] = id.Value;
        return json.ToJsonString();
    }
}
