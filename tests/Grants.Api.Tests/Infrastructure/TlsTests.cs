using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grants.Testing;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Grants.Api.Tests.Infrastructure;

public sealed class TlsTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("grants-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private (string Certificate, string Key, X509Certificate2 Issued) SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var issued = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var certificatePath = Path.Combine(_directory, "server.crt");
        var keyPath = Path.Combine(_directory, "server.key");
        File.WriteAllText(certificatePath, issued.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return (certificatePath, keyPath, issued);
    }

    [Fact]
    public async Task GivenAPemCertificate_WhenTheServerListensOnHttps_ThenHealthAnswersOverTls()
    {
        var (certificate, key, issued) = SelfSigned();
        await using var server = await GrantsServer.Start(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["GRANTS_URLS"] = "https://127.0.0.1:0",
            ["Grants:Tls:CertificatePath"] = certificate,
            ["Grants:Tls:KeyPath"] = key,
        });
        Assert.Equal("https", server.Address.Scheme);
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == issued.GetCertHashString();
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task GivenClientCertificatesRequired_WhenCallersConnect_ThenOnlyThoseWithACertificateFromTheAuthorityGetIn()
    {
        var (certificate, key, issued) = SelfSigned();
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=Grants Test CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        // One reading of the clock: a client certificate may not outlive its issuer, and two readings taken across a
        // second boundary made the client's expiry a second later than the authority's.
        var now = DateTimeOffset.UtcNow;
        using var authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        var authorityPath = Path.Combine(_directory, "clients-ca.pem");
        File.WriteAllText(authorityPath, authority.ExportCertificatePem());
        using var clientKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var clientRequest = new CertificateRequest("CN=treasury", clientKey, HashAlgorithmName.SHA256);
        clientRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var clientPublic = clientRequest.Create(authority, now.AddMinutes(-5), now.AddHours(1), [1, 2, 3, 4]);
        using var client = clientPublic.CopyWithPrivateKey(clientKey);

        await using var server = await GrantsServer.Start(database.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["GRANTS_URLS"] = "https://127.0.0.1:0",
            ["Grants:Tls:CertificatePath"] = certificate,
            ["Grants:Tls:KeyPath"] = key,
            ["Grants:Tls:RequireClientCertificate"] = "true",
            ["Grants:Tls:ClientCertificateAuthorityPath"] = authorityPath,
        });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await Check(server, issued, client));
        var refused = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => Check(server, issued, clientCertificate: null));
        // Refused by TLS, never by the application. Under TLS 1.3 the server judges the client's certificate after the
        // handshake, so the client may already have sent its request: the refusal then reaches it as a broken HTTP/2
        // exchange (INTERNAL) rather than a failed connection (UNAVAILABLE), depending on timing.
        Assert.Contains(refused.StatusCode, new[] { Grpc.Core.StatusCode.Unavailable, Grpc.Core.StatusCode.Internal });
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> Check(GrantsServer server, X509Certificate2 serverCertificate,
                                                                             X509Certificate2? clientCertificate)
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == serverCertificate.GetCertHashString();
        if (clientCertificate is not null)
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { clientCertificate };
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false });
        return (await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(20))).Status;
    }
}
