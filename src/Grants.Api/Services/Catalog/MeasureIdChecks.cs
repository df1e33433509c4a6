using System.Text;
using Grants.Api.Errors;

namespace Grants.Api.Services.Catalog;

/// <summary>Measure ids carry the article as the document numbers it, and files 001 and 002 number in Chinese
/// ("PD-2025-29/一"), so they are not the printable-ASCII ids <see cref="RequestChecks.Id"/> accepts.</summary>
public static class MeasureIdChecks
{
    public const int MaxLength = 64;

    public static string MeasureId(this RequestChecks checks, string value, string field = "measure_id")
    {
        if (string.IsNullOrEmpty(value))
            checks.Add(field, "is required");
        else if (value.EnumerateRunes().Count() > MaxLength)
            checks.Add(field, $"must be at most {MaxLength} characters");
        else if (value.EnumerateRunes().Any(r => Rune.IsWhiteSpace(r) || Rune.IsControl(r)))
            checks.Add(field, "must not contain spaces or control characters");
        return value;
    }

    public static string? OptionalMeasureId(this RequestChecks checks, string value, string field = "measure_id") =>
        string.IsNullOrEmpty(value) ? null : checks.MeasureId(value, field);
}
