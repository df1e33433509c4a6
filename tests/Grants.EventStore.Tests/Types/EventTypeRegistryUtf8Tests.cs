using System.Text;

namespace Grants.EventStore.Tests.Types;

/// <summary>Deserialise(name, UTF-8 bytes), the rebuild's way of reading bodies: the same records, the same upcasts and
/// the same refusals as from a string.</summary>
public sealed class EventTypeRegistryUtf8Tests
{
    [Fact]
    public void GivenAStoredBodyAsUtf8_WhenDeserialised_ThenItEqualsTheRecordReadFromTheString()
    {
        var types = new EventTypeRegistry().Register<GrantPaidV3>("grant_paid.v3");
        const string json = """{"payee":"上海泰安","amount_fen":12345,"currency":"CNY","channel":"treasury_direct","value_date":"2024-02-29"}""";

        var fromBytes = types.Deserialize("grant_paid.v3", Encoding.UTF8.GetBytes(json).AsSpan());

        Assert.Equal(types.Deserialize("grant_paid.v3", json), fromBytes);
        Assert.Equal(new GrantPaidV3("上海泰安", 12_345, "CNY", PaymentChannel.TreasuryDirect, new DateOnly(2024, 2, 29)), fromBytes);
    }

    [Fact]
    public void GivenAnUpcastName_WhenDeserialisedFromUtf8_ThenTheUpcastersRunAsForAString()
    {
        var types = new EventTypeRegistry()
            .RegisterUpcaster("grant_paid.v1", "grant_paid.v2", v1 => { v1["currency"] = "CNY"; return v1; })
            .Register<GrantPaidV2>("grant_paid.v2");

        var read = types.Deserialize("grant_paid.v1", """{"payee":"Acme","amount_fen":500}"""u8);

        Assert.Equal(new GrantPaidV2("Acme", 500, "CNY"), read);
    }

    [Fact]
    public void GivenAFractionOrAnUnknownName_WhenDeserialisedFromUtf8_ThenRefusedAsFromAString()
    {
        var types = new EventTypeRegistry().Register<GrantPaidV1>("grant_paid.v1");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => types.Deserialize("grant_paid.v1", """{"payee":"Acme","amount_fen":1.5}"""u8));
        Assert.Throws<InvalidOperationException>(() => types.Deserialize("never_heard_of.v1", "{}"u8));
    }
}
