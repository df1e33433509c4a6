using System.Globalization;
using System.Net;

namespace Grants.Api.Hosting;

/// <summary>One address to listen on.</summary>
public sealed record ListenEndpoint(IPAddress Address, int Port, bool Tls)
{
    public override string ToString() =>
        $"{(Tls ? "https" : "http")}://{(Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Address}]" : Address)}:{Port}";
}

/// <summary>Where the server listens: <c>GRANTS_URLS</c>, else the standard <c>ASPNETCORE_URLS</c> / <c>Urls</c>,
/// else http://127.0.0.1:5077 (https:// when TLS is configured); several separated by ';'. Plaintext h2c is only
/// ever bound to a loopback address: an http:// URL on any other address is refused at start-up, and https://
/// needs a configured certificate.</summary>
public static class ListenEndpoints
{
    public const int DefaultPort = 5077;

    public static IReadOnlyList<ListenEndpoint> From(IConfiguration configuration, bool tlsConfigured)
    {
        var urls = configuration["GRANTS_URLS"] is { Length: > 0 } grants ? grants
            : configuration["urls"] is { Length: > 0 } standard ? standard
            : $"{(tlsConfigured ? "https" : "http")}://127.0.0.1:{DefaultPort}";
        // Only for a private network behind a TLS-terminating proxy (e.g. docker-compose): an explicit, logged choice.
        var plaintextOnNetwork = configuration.GetValue<bool>("Grants:AllowPlaintextOnNetwork");
        return Parse(urls, tlsConfigured, plaintextOnNetwork);
    }

    public static IReadOnlyList<ListenEndpoint> Parse(string urls, bool tlsConfigured, bool plaintextOnNetwork = false)
    {
        var endpoints = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => ParseOne(url, tlsConfigured, plaintextOnNetwork))
            .ToList();
        return endpoints.Count > 0 ? endpoints : throw new InvalidOperationException("No URL to listen on.");
    }

    private static ListenEndpoint ParseOne(string url, bool tlsConfigured, bool plaintextOnNetwork)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd > 0 ? url[..schemeEnd].ToLowerInvariant() : "";
        if (scheme is not ("http" or "https"))
            throw Refused(url, "use http://address:port or https://address:port");
        var tls = scheme == "https";

        var hostPort = url[(schemeEnd + 3)..].TrimEnd('/');
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostPort[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            throw Refused(url, "a port is required");
        var address = ParseHost(hostPort[..colon]) ?? throw Refused(url, "use an IP address, localhost or *");

        if (tls && !tlsConfigured)
            throw Refused(url, "https needs a certificate: set Grants:Tls:CertificatePath");
        if (!tls && !IPAddress.IsLoopback(address) && !plaintextOnNetwork)
            throw Refused(url, "plaintext (h2c) is only allowed on a loopback address; configure Grants:Tls and use https://");
        return new ListenEndpoint(address, port, tls);
    }

    private static IPAddress? ParseHost(string host) => host switch
    {
        "localhost" => IPAddress.Loopback,
        "*" or "+" => IPAddress.Any,
        _ when host.StartsWith('[') && host.EndsWith(']') => IPAddress.TryParse(host[1..^1], out var v6) ? v6 : null,
        _ => IPAddress.TryParse(host, out var address) ? address : null,
    };

    private static InvalidOperationException Refused(string url, string why) =>
        new($"Refusing to listen on '{url}': {why}.");
}
