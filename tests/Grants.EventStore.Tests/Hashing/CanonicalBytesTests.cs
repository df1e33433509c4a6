using System.Text;

namespace Grants.EventStore.Tests.Hashing;

public sealed class CanonicalBytesTests
{
    // The worked example of docs/EVENT-STORE.md; the hash was computed independently with Python's hashlib.
    private const string WorkedExampleBytes =
        """{"data":{"amount_fen":100000000,"approved_by":"李明"},"metadata":{"actor":"officer:wang","request_id":"req-1"},"position":1,"recorded_at":"2024-03-01T08:30:00.123456Z","stream_id":"award-2024-0001","stream_type":"award","type":"award_approved.v1","version":1}""";

    private const string WorkedExampleHash = "5f57fc377ca19b3ca4e02acd0cf46dc22d39fe6cb668704f6f7e9f9e138fbc59";

    [Fact]
    public void GivenTheDocumentedEvent_WhenCanonicalisedAndChained_ThenBytesAndHashMatchTheWorkedExample()
    {
        var bytes = EventHashing.CanonicalBytes(1, "award-2024-0001", "award", 1, "award_approved.v1",
            """{ "approved_by": "李明", "amount_fen": 100000000 }"""u8,
            """{"request_id":"req-1", "actor":"officer:wang"}"""u8,
            new DateTimeOffset(2024, 3, 1, 16, 30, 0, TimeSpan.FromHours(8)).AddTicks(1_234_560));

        Assert.Equal(WorkedExampleBytes, Encoding.UTF8.GetString(bytes));
        Assert.Equal(261, bytes.Length);
        Assert.Equal(WorkedExampleHash, Convert.ToHexStringLower(EventHashing.ChainHash(EventHashing.Genesis, bytes)));
    }

    [Theory]
    [InlineData("""{"b":1,"a":2}""", """{"a":2,"b":1}""")]
    [InlineData("""{ "z" : [ 1 , {"y":true,"x":null} ] }""", """{"z":[1,{"x":null,"y":true}]}""")]
    [InlineData("""{"-0":-0,"big":123456789012345678901234567890}""", """{"-0":0,"big":123456789012345678901234567890}""")]
    [InlineData("\"tab\\t nl\\n quote\\\" back\\\\ slash/ bell\\u0007 \\u00e9 \\u2028\"", "\"tab\\t nl\\n quote\\\" back\\\\ slash/ bell\\u0007 é \u2028\"")]
    // JCS orders keys by UTF-16 code units: U+FB33 sorts after the surrogate pair of U+1F600.
    [InlineData("""{"\ufb33":1,"\ud83d\ude00":2,"é":3,"B":4,"a":5}""", "{\"B\":4,\"a\":5,\"é\":3,\"\U0001F600\":2,\"\uFB33\":1}")]
    public void GivenEquivalentJson_WhenCanonicalised_ThenTheBytesAreTheJcsForm(string json, string expected) =>
        Assert.Equal(expected, Encoding.UTF8.GetString(CanonicalJson.Canonicalize(json)));

    [Theory]
    [InlineData("""{"rate":0.5}""")]
    [InlineData("""{"amount":1.0}""")]
    [InlineData("""{"amount":1e3}""")]
    [InlineData("""{"a":1,"a":2}""")]
    [InlineData("\"\\ud800\"")]
    public void GivenFractionsExponentsDuplicateKeysOrLoneSurrogates_WhenCanonicalised_ThenRefused(string json) =>
        Assert.ThrowsAny<Exception>(() => CanonicalJson.Canonicalize(json));

    [Fact]
    public void GivenATimeWithMoreThanMicrosecondPrecision_WhenTruncated_ThenItIsWrittenWithSixDigitsInUtc()
    {
        var time = EventHashing.TruncateToMicroseconds(new DateTimeOffset(2024, 12, 31, 23, 59, 59, TimeSpan.FromHours(-5)).AddTicks(9_999_999));

        Assert.Equal("2025-01-01T04:59:59.999999Z", EventHashing.FormatRecordedAt(time));
    }
}
