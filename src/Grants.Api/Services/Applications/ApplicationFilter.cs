using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Grants.Api.Errors;

namespace Grants.Api.Services.Applications;

/// <summary>The filters of one ListApplications call. <see cref="Fingerprint"/> is baked into page tokens so that a
/// token is only honoured with the filters it was handed out for.</summary>
public sealed record ApplicationFilter(
    IReadOnlyList<short> Statuses,
    string? MeasureId,
    string? ApplicantId,
    string? BureauCode,
    int? FiscalYear,
    DateOnly? SubmittedFrom,
    DateOnly? SubmittedTo)
{
    public string Fingerprint
    {
        get
        {
            var text = string.Join('|', string.Join(',', Statuses), MeasureId, ApplicantId, BureauCode, FiscalYear,
                SubmittedFrom?.ToString("O", CultureInfo.InvariantCulture), SubmittedTo?.ToString("O", CultureInfo.InvariantCulture));
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 8);
        }
    }
}

/// <summary>Where the next page starts: after this (submitted_at, application_id) in newest-first order. Keyset paging,
/// so a page never repeats or skips a row when new applications arrive between calls.</summary>
public sealed record PageToken(DateTime SubmittedAt, string ApplicationId)
{
    public string Encode(ApplicationFilter filter) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
        string.Create(CultureInfo.InvariantCulture, $"{SubmittedAt.Ticks}|{ApplicationId}|{filter.Fingerprint}")));

    /// <returns>null for the first page; records a violation when the token is not one handed out for these filters.</returns>
    public static PageToken? Decode(string token, ApplicationFilter filter, RequestChecks checks)
    {
        if (token.Length == 0)
            return null;
        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
            if (parts.Length == 3 && parts[2] == filter.Fingerprint
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && ticks <= DateTime.MaxValue.Ticks)
                return new PageToken(new DateTime(ticks, DateTimeKind.Utc), parts[1]);
        }
        catch (FormatException)
        {
            // not base64url: refused below like any other foreign token
        }
        checks.Add("page_token", "is not a next_page_token of this listing with these filters");
        return null;
    }
}
