using System.Text.Json.Nodes;
using Grants.EventStore.Tests.Support;
using Grants.Testing;

namespace Grants.EventStore.Tests.Types;

public sealed record GrantPaidV1(string Payee, long AmountFen);

public sealed record GrantPaidV2(string Payee, long AmountFen, string Currency);

public sealed record GrantPaidV3(string Payee, long AmountFen, string Currency, PaymentChannel Channel, DateOnly ValueDate);

public enum PaymentChannel { BankTransfer, TreasuryDirect }

public sealed class EventTypeRegistryTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task GivenAStoredV1Event_WhenReadThroughAnUpcasterChain_ThenItArrivesAsTheNewestRecordUnderItsStoredName()
    {
        var writer = new PostgresEventStore(db.DataSource, new EventTypeRegistry().Register<GrantPaidV1>("grant_paid.v1"), [], TimeProvider.System);
        var stream = "disbursement-" + Guid.NewGuid();
        await writer.Append(new StreamAppend(stream, "disbursement", ExpectedVersion.NoStream, [new GrantPaidV1("Acme", 500)]), TestTypes.Metadata());
        var reader = new PostgresEventStore(db.DataSource, new EventTypeRegistry()
            .RegisterUpcaster("grant_paid.v1", "grant_paid.v2", v1 => { v1["currency"] = "CNY"; return v1; })
            .RegisterUpcaster("grant_paid.v2", "grant_paid.v3", v2 => { v2["channel"] = "bank_transfer"; v2["value_date"] = "2024-01-31"; return v2; })
            .Register<GrantPaidV3>("grant_paid.v3"), [], TimeProvider.System);

        var read = Assert.Single(await reader.ReadStream(stream).ToListAsync());

        Assert.Equal(new GrantPaidV3("Acme", 500, "CNY", PaymentChannel.BankTransfer, new DateOnly(2024, 1, 31)), read.Data);
        Assert.Equal("grant_paid.v1", read.EventType);
        Assert.True((await reader.Verify()).Ok, "upcasting happens in memory; the stored row and its hash are untouched");
    }

    [Fact]
    public void GivenARecord_WhenSerialised_ThenPropertiesAreSnakeCaseEnumsAreSnakeCaseNamesAndDatesAreIsoDays()
    {
        var types = new EventTypeRegistry().Register<GrantPaidV3>("grant_paid.v3");

        var json = System.Text.Json.JsonSerializer.Serialize(
            new GrantPaidV3("Acme", 12_345, "CNY", PaymentChannel.TreasuryDirect, new DateOnly(2024, 2, 29)), types.JsonOptions);

        Assert.Equal("""{"payee":"Acme","amount_fen":12345,"currency":"CNY","channel":"treasury_direct","value_date":"2024-02-29"}""", json);
    }

    [Fact]
    public void GivenAnUpcasterThatForgetsAField_WhenRead_ThenDeserialisationFailsInsteadOfDefaulting()
    {
        var types = new EventTypeRegistry()
            .RegisterUpcaster("grant_paid.v1", "grant_paid.v2", v1 => v1)
            .Register<GrantPaidV2>("grant_paid.v2");

        Assert.ThrowsAny<Exception>(() => types.Deserialize("grant_paid.v1", """{"payee":"Acme","amount_fen":1}"""));
    }

    [Fact]
    public void GivenNamesAndTypes_WhenRegisteredInconsistently_ThenRefused()
    {
        var types = new EventTypeRegistry().Register<GrantPaidV1>("grant_paid.v1");

        Assert.Equal("grant_paid.v1", types.NameOf(typeof(GrantPaidV1)));
        Assert.Throws<InvalidOperationException>(() => types.NameOf(typeof(GrantPaidV2)));
        Assert.Throws<InvalidOperationException>(() => types.Register<GrantPaidV2>("grant_paid.v1"));
        Assert.Throws<InvalidOperationException>(() => types.Register<GrantPaidV1>("grant_paid.v9"));
        Assert.Throws<InvalidOperationException>(() => types.RegisterUpcaster("grant_paid.v1", "grant_paid.v2", j => j));
        Assert.Throws<InvalidOperationException>(() => types.Deserialize("never_heard_of.v1", "{}"));
        Assert.Throws<InvalidOperationException>(() => new EventTypeRegistry()
            .RegisterUpcaster("a.v1", "a.v2", j => j).RegisterUpcaster("a.v2", "a.v1", j => j)
            .Deserialize("a.v1", new JsonObject().ToJsonString()));
    }
}
