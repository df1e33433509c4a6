using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Grants.Domain;

namespace Grants.History.Lifecycle;

/// <summary>The note a request carries in its hashed metadata, shaped as the API's StepNote wrapped with the
/// application id (src/Grants.Api/Services/Applications): the applications projection files it once per request.</summary>
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

    public static StepNote By(Officer officer, string? comment = null) => new(officer.Id.Value, officer.Bureau.Value, comment);

    public string For(ApplicationId application)
    {
        var json = JsonSerializer.SerializeToNode(this, Json)!.AsObject();
        json["application_id"] = application.Value;
        return json.ToJsonString();
    }
}
