using System.Text;
using Grants.Projections.Audit.Rebuild.Image;

namespace Grants.Projections.Tests.Audit;

/// <summary>The rebuild's memory of which requests filed a note on which application: exactly the pairs added, however
/// many applications (the table grows), however long the ids (lengths of one to three bytes, an id larger than a
/// chunk), across many chunks of storage.</summary>
public sealed class FiledNotesTests
{
    [Fact]
    public void GivenManyPairsAdded_WhenEveryPairAndItsNeighboursAreAsked_ThenOnlyTheAddedPairsAreKnown()
    {
        var random = new Random(20261203);
        var filed = new FiledNotes();
        var model = new HashSet<(string Application, string Request)>();
        var applications = Enumerable.Range(0, 12_000).Select(i => $"HP-2025-{i:D6}").ToArray();

        for (var i = 0; i < 80_000; i++)
        {
            var application = applications[random.Next(applications.Length)];
            var request = $"\"req-{random.Next(40_000)}\"";
            Assert.Equal(model.Contains((application, request)), filed.Contains(Utf8(application), Utf8(request)));
            filed.Add(Utf8(application), Utf8(request));
            model.Add((application, request));
        }

        foreach (var (application, request) in model)
        {
            Assert.True(filed.Contains(Utf8(application), Utf8(request)), $"{application} {request}");
            Assert.False(filed.Contains(Utf8(application), Utf8(request + "x")));
            Assert.False(filed.Contains(Utf8(application + "x"), Utf8(request)));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(128)]
    [InlineData(16_383)]
    [InlineData(16_384)]
    [InlineData(1_100_000)]
    public void GivenARequestIdOfThisLength_WhenFiled_ThenItIsKnownAndItsPrefixIsNot(int length)
    {
        var filed = new FiledNotes();
        var request = new string('r', length);
        filed.Add(Utf8("HP-2025-000001"), Utf8("\"before\""));
        filed.Add(Utf8("HP-2025-000001"), Utf8(request));
        filed.Add(Utf8("HP-2025-000001"), Utf8("\"after\""));

        Assert.True(filed.Contains(Utf8("HP-2025-000001"), Utf8(request)));
        Assert.True(filed.Contains(Utf8("HP-2025-000001"), Utf8("\"before\"")));
        Assert.True(filed.Contains(Utf8("HP-2025-000001"), Utf8("\"after\"")));
        Assert.False(filed.Contains(Utf8("HP-2025-000002"), Utf8(request)));
        if (length > 0)
            Assert.False(filed.Contains(Utf8("HP-2025-000001"), Utf8(request[..^1])));
    }

    [Fact]
    public void GivenAnApplicationIdUsedAsARequestId_WhenAsked_ThenThePairsAreNotConfused()
    {
        var filed = new FiledNotes();
        filed.Add(Utf8("A"), Utf8("B"));

        Assert.False(filed.Contains(Utf8("B"), Utf8("A")));
        Assert.False(filed.Contains(Utf8("A"), Utf8("A")));
        Assert.True(filed.Contains(Utf8("A"), Utf8("B")));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
