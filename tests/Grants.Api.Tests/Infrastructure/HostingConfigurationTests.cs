using System.Net;
using Grants.Api.Hosting;
using Microsoft.Extensions.Configuration;

namespace Grants.Api.Tests.Infrastructure;

public sealed class HostingConfigurationTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, s.Value))).Build();

    [Fact]
    public void GivenNothingConfigured_WhenTheDatabaseIsResolved_ThenEmbeddedWithDevKeysOnPort54329()
    {
        var options = GrantsDatabaseOptions.From(Config());

        Assert.True(options.Embedded);
        Assert.True(options.DevKeys);
        Assert.Equal(54329, options.EmbeddedPort);
        Assert.EndsWith(Path.Combine(".grants", "pgdata"), options.DataDirectory, StringComparison.Ordinal);
        Assert.EndsWith(Path.Combine(".grants", "dev-keys.json"), options.DevKeysFile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GRANTS_DB")]
    [InlineData("ConnectionStrings:Grants")]
    public void GivenAnExplicitConnectionString_WhenResolved_ThenItWinsAndNoDevKeysAreMade(string name)
    {
        var options = GrantsDatabaseOptions.From(Config((name, "Host=db;Database=grants")));

        Assert.False(options.Embedded);
        Assert.False(options.DevKeys);
        Assert.Equal("Host=db;Database=grants", options.ExplicitConnectionString);
    }

    [Fact]
    public void GivenBothNames_WhenResolved_ThenGrantsDbWins()
    {
        var options = GrantsDatabaseOptions.From(Config(("GRANTS_DB", "Host=a"), ("ConnectionStrings:Grants", "Host=b")));

        Assert.Equal("Host=a", options.ExplicitConnectionString);
    }

    [Fact]
    public void GivenDevKeysSwitchedOff_WhenEmbedded_ThenNoDevKeys()
    {
        Assert.False(GrantsDatabaseOptions.From(Config(("Grants:DevKeys", "false"), ("Grants:EmbeddedPort", "6000"))).DevKeys);
    }

    [Fact]
    public void GivenNoUrls_WhenEndpointsAreResolved_ThenH2cOnLoopback5077()
    {
        var endpoint = Assert.Single(ListenEndpoints.From(Config(), tlsConfigured: false));

        Assert.Equal(new ListenEndpoint(IPAddress.Loopback, 5077, Tls: false), endpoint);
    }

    [Fact]
    public void GivenGrantsUrlsAndAspNetCoreUrls_WhenResolved_ThenGrantsUrlsWins()
    {
        var endpoints = ListenEndpoints.From(Config(("GRANTS_URLS", "http://localhost:6001"), ("urls", "http://127.0.0.1:6002")), false);

        Assert.Equal(6001, Assert.Single(endpoints).Port);
    }

    [Theory]
    [InlineData("http://0.0.0.0:5077")]
    [InlineData("http://*:5077")]
    [InlineData("http://10.1.2.3:5077")]
    [InlineData("http://[::]:5077")]
    public void GivenPlaintextOnANonLoopbackAddress_WhenResolved_ThenRefusedEvenWithTls(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenEndpoints.Parse(url, tlsConfigured: true));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenHttpsWithoutACertificate_WhenResolved_ThenRefused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenEndpoints.Parse("https://0.0.0.0:5443", tlsConfigured: false));

        Assert.Contains("Grants:Tls:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenTlsAndSeveralUrls_WhenResolved_ThenHttpsAnywhereAndH2cOnLoopback()
    {
        var endpoints = ListenEndpoints.Parse("https://0.0.0.0:5443; http://[::1]:5077", tlsConfigured: true);

        Assert.Equal([new ListenEndpoint(IPAddress.Any, 5443, true), new ListenEndpoint(IPAddress.IPv6Loopback, 5077, false)], endpoints);
    }

    [Theory]
    [InlineData("127.0.0.1:5077")]
    [InlineData("http://127.0.0.1")]
    [InlineData("http://grants.example:5077")]
    [InlineData("ftp://127.0.0.1:21")]
    public void GivenAMalformedUrl_WhenResolved_ThenRefusedWithTheUrl(string url)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ListenEndpoints.Parse(url, false));

        Assert.Contains(url, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GivenPlaintextOnANetworkAddress_WhenExplicitlyAllowed_ThenBoundAndOtherwiseRefused()
    {
        Assert.Throws<InvalidOperationException>(() => ListenEndpoints.From(Config(("GRANTS_URLS", "http://0.0.0.0:5077")), false));

        var endpoint = Assert.Single(ListenEndpoints.From(
            Config(("GRANTS_URLS", "http://0.0.0.0:5077"), ("Grants:AllowPlaintextOnNetwork", "true")), false));

        Assert.False(endpoint.Tls);
        Assert.Equal(System.Net.IPAddress.Any, endpoint.Address);
    }

    [Fact]
    public void GivenClientCertificatesWithoutAServerCertificate_WhenTlsIsRead_ThenRefused()
    {
        Assert.Throws<InvalidOperationException>(() => TlsSettings.From(Config(("Grants:Tls:RequireClientCertificate", "true"))));
        Assert.Null(TlsSettings.From(Config()));
    }
}
