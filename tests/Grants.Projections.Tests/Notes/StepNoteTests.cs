using System.Text.Json.Nodes;
using Grants.Domain;
using Grants.Projections.Applications;

namespace Grants.Projections.Tests.Notes;

/// <summary>The note as it travels in the event metadata: the text is hashed with the events, so its form is fixed.</summary>
public sealed class StepNoteTests
{
    public static TheoryData<StepNote> Notes() => new()
    {
        StepNote.By("hp.li", "HP-IPO"),
        StepNote.By("hp.li", "HP-IPO", "同意, \"quoted\" \\ <b>&</b> line\nbreak \u0001 😀"),
        new StepNote(Title: "标题", Description: "描述", DueOn: new DateOnly(2026, 12, 31)),
        new StepNote(),
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void GivenAStepNote_WhenWrappedForItsApplication_ThenItIsItsFieldsWithTheApplicationIdLast(StepNote note)
    {
        var application = new ApplicationId("HP-2025-\"000001\"");
        // The form the note has travelled in since the first events were written: its fields as serialised, then
        // application_id, written back compact.
        var travelled = JsonNode.Parse(note.ToJson())!.AsObject();
        travelled["application_id"] = application.Value;

        var text = note.For(application);

        Assert.Equal(travelled.ToJsonString(), text);
        Assert.Equal(note, StepNote.FromJson(text));
    }
}
