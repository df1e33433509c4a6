using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Https;

namespace Grants.Api.Hosting;

/// <summary>TLS for production (<c>Grants:Tls</c> section): the server certificate as PEM (CertificatePath +
/// KeyPath, or a PEM file holding both) or PKCS#12 (a .pfx/.p12 CertificatePath + optional CertificatePassword);
/// optionally RequireClientCertificate, validated against ClientCertificateAuthorityPath (PEM bundle) or else
/// the system's trust store.</summary>
public sealed record TlsSettings(string CertificatePath, string? KeyPath, string? CertificatePassword,
                                 bool RequireClientCertificate, string? ClientCertificateAuthorityPath)
{
    public static TlsSettings? From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Grants:Tls");
        var certificate = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(certificate))
        {
            return section.GetValue("RequireClientCertificate", false)
                ? throw new InvalidOperationException("Grants:Tls:RequireClientCertificate needs Grants:Tls:CertificatePath.")
                : null;
        }
        return new TlsSettings(certificate, NonEmpty(section["KeyPath"]), NonEmpty(section["CertificatePassword"]),
            section.GetValue("RequireClientCertificate", false), NonEmpty(section["ClientCertificateAuthorityPath"]));
    }

    public X509Certificate2 LoadCertificate()
    {
        var extension = Path.GetExtension(CertificatePath).ToLowerInvariant();
        return extension is ".pfx" or ".p12"
            ? X509CertificateLoader.LoadPkcs12FromFile(CertificatePath, CertificatePassword)
            : X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
    }

    public void Apply(HttpsConnectionAdapterOptions https)
    {
        https.ServerCertificate = LoadCertificate();
        if (!RequireClientCertificate)
            return;
        https.ClientCertificateMode = ClientCertificateMode.RequireCertificate;
        if (ClientCertificateAuthorityPath is null)
            return;
        var authorities = new X509Certificate2Collection();
        authorities.ImportFromPemFile(ClientCertificateAuthorityPath);
        https.ClientCertificateValidation = (certificate, _, _) =>
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(certificate);
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
