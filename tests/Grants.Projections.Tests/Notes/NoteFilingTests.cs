using System.Text.Json.Nodes;
using Grants.Domain;
using Grants.EventStore;
using Grants.Projections.Applications;

namespace Grants.Projections.Tests.Notes;

/// <summary>The rule a command's answer uses to take its application's notes from the stream instead of reading
/// grants.application_notes back: the same rows the projection files.</summary>
public sealed class NoteFilingTests
{
    private static readonly ApplicationId Mine = new("HP-2025-000001");
    private static readonly ApplicationId Other = new("HP-2025-000002");

    [Fact]
    public void GivenAStreamWithNotesOfSeveralRequests_WhenFiled_ThenEachRequestsNoteIsUnderItsFirstEventOnTheStreamItNames()
    {
        var stream = new[]
        {
            Event(1, "submit", StepNote.By("hp.li", "HP-IPO", "first").For(Mine)),
            Event(2, "assess", StepNote.By("hp.zhang", "HP-IPO", "scored").For(Mine)),
            // One request, two events: filed once, under the first.
            Event(3, "assess", StepNote.By("hp.zhang", "HP-IPO", "scored").For(Mine)),
            Event(4, "offset", StepNote.By("hp.finance", "HP-JRB").For(Other)),
            Event(5, "no-note", null),
        };

        var notes = NoteFiling.Under(stream);

        Assert.Equal([1L, 2L], notes.Keys.Order());
        Assert.Equal(StepNote.By("hp.li", "HP-IPO", "first"), notes[1]);
        Assert.Equal(StepNote.By("hp.zhang", "HP-IPO", "scored"), notes[2]);
        var (application, filed) = NoteFiling.Of(stream[1])!.Value;
        Assert.Equal((Mine.Value, "assess"), (application, JsonNode.Parse(filed)!["request_id"]!.GetValue<string>()));
        Assert.Null(NoteFiling.Of(Event(6, "elsewhere", StepNote.By("x", "HP-IPO").For(Mine)) with { StreamId = StreamIds.Application(Other) }));
    }

    [Fact]
    public void GivenANote_WhenFiled_ThenEveryMemberIsKeptAndTheRequestIdAddedLast()
    {
        var note = StepNote.By("hp.li", "HP-IPO", "同意 \"quoted\" \\ line\nbreak").For(Mine);

        var (_, filed) = NoteFiling.Of(Event(1, "req-\"1\"", note))!.Value;

        var members = JsonNode.Parse(filed)!.AsObject().Select(m => (m.Key, m.Value!.GetValue<string>())).ToList();
        Assert.Equal(
            [("officer_id", "hp.li"), ("officer_bureau", "HP-IPO"), ("comment", "同意 \"quoted\" \\ line\nbreak"),
             ("application_id", Mine.Value), ("request_id", "req-\"1\"")],
            members);
    }

    [Theory]
    [InlineData("{\"comment\":\"no application\"}")]
    [InlineData("{\"application_id\":null,\"comment\":\"x\"}")]
    [InlineData("[\"HP-2025-000001\"]")]
    [InlineData("\"HP-2025-000001\"")]
    public void GivenANoteThatNamesNoApplication_WhenFiled_ThenNothingIsFiled(string note)
    {
        Assert.Null(NoteFiling.Of(Event(1, "r", note)));
    }

    [Fact]
    public void GivenANoteWhoseApplicationIdIsNotAString_WhenFiled_ThenItIsRefused()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => NoteFiling.Of(Event(1, "r", "{\"application_id\":42}")));

        Assert.Contains("Number", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenANoteNamingTheApplicationTwice_WhenFiled_ThenTheFirstCounts()
    {
        var note = $"{{\"application_id\":\"{Mine.Value}\",\"application_id\":\"{Other.Value}\"}}";

        Assert.Equal(Mine.Value, NoteFiling.Of(Event(1, "r", note))!.Value.ApplicationId);
    }

    private static StoredEvent Event(long version, string requestId, string? note) =>
        new(version, StreamIds.Application(Mine), "application", version, "application_assessed.v1", new object(),
            new EventMetadata("assessor:hp.zhang", requestId, Note: note), DateTimeOffset.UnixEpoch, [], []);
}
