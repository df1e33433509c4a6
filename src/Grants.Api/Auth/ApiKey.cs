using System.Security.Cryptography;
using System.Text;

namespace Grants.Api.Auth;

/// <summary>A calling system's key as the server keeps it: only the SHA-256 of the key, never the key.</summary>
public sealed record ApiKey(string Name, string Sha256Hex, IReadOnlySet<string> Roles, CallerScope Scope)
{
    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 bytes: what configuration and the api_keys table hold.
    /// Keys are long random strings, so an unsalted hash is enough: there is nothing to guess from.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool IsHash(string value) =>
        value.Length == 64 && value.All(char.IsAsciiHexDigit);
}

/// <summary>One entry of the <c>Grants:ApiKeys</c> configuration section.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";
    /// <summary>Hex SHA-256 of the key (e.g. <c>printf %s "$KEY" | sha256sum</c>).</summary>
    public string Sha256 { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public List<string> Bureaus { get; set; } = [];
    public List<string> Jurisdictions { get; set; } = [];
}
