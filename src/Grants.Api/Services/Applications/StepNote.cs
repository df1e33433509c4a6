using System.Text.Json;
using System.Text.Json.Serialization;
using Grants.Contracts.V1;

namespace Grants.Api.Services.Applications;

/// <summary>What a request says that its events do not keep: the officer's bureau, a comment, a repayment due date,
/// a submission's title and description. Stored next to the event it accompanies (grants.application_notes) and shown
/// by the views; decisions never depend on it.</summary>
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

    public static StepNote By(Officer officer, string? comment = null) =>
        new(officer.Id, officer.BureauCode, string.IsNullOrEmpty(comment) ? null : comment);

    public Officer? Officer => OfficerId is null ? null : new Officer { Id = OfficerId, BureauCode = OfficerBureau ?? "" };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static StepNote FromJson(string json) => JsonSerializer.Deserialize<StepNote>(json, Json) ?? new StepNote();
}
