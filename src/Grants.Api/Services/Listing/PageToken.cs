using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Api.Errors;

namespace Grants.Api.Services.Listing;

/// <summary>Opaque page tokens (common.proto, "Listing"): where the next page starts, bound to the filter it was
/// issued for, so a token replayed with other filters is refused instead of silently skipping or repeating rows.
/// Not a secret and not signed: a forged token can only point into rows the caller may list anyway.</summary>
public static class PageToken
{
    public static string Encode(string filter, params string[] position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes<string[]>([Fingerprint(filter), .. position]));

    /// <returns>The position, or null for an empty token (the first page) or a bad one (then a violation is added).</returns>
    public static string[]? Decode(string token, string filter, int parts, RequestChecks checks, string field = "page_token")
    {
        if (string.IsNullOrEmpty(token))
            return null;
        string[]? values = null;
        try
        {
            if (token.Length <= 1024)
                values = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            values = null;
        }

        if (values is null || values.Length != parts + 1 || values.Any(v => v is null))
            checks.Add(field, "is not a next_page_token this server issued");
        else if (values[0] != Fingerprint(filter))
            checks.Add(field, "was issued for other filters; repeat the filters of the first page or start again without a token");
        else
            return values[1..];
        return null;
    }

    private static string Fingerprint(string filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filter)).AsSpan(0, 8));
}
