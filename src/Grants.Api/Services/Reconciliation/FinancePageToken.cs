using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grants.Api.Errors;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Opaque page tokens (common.proto, "Listing"): where the next page starts, bound to the filters it was
/// issued for. Not signed: a forged token can only point into rows the caller may list anyway.</summary>
public static class FinancePageToken
{
    public static string Encode(string filter, params string[] position) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes<string[]>([Fingerprint(filter), .. position]));

    /// <returns>The position; null for an empty token (first page) or a bad one (then a violation is added).</returns>
    public static string[]? Decode(string token, string filter, int parts, RequestChecks checks)
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
            checks.Add("page_token", "is not a next_page_token this server issued");
        else if (values[0] != Fingerprint(filter))
            checks.Add("page_token", "was issued for other filters; repeat the filters of the first page or start again without a token");
        else
            return values[1..];
        return null;
    }

    private static string Fingerprint(string filter) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(filter)).AsSpan(0, 8));
}
