using System.Text;
using Grants.Domain;

namespace Grants.Api.Errors;

/// <summary>Collects every bad field of a request before anything is decided, so a caller learns all its mistakes
/// in one INVALID_ARGUMENT instead of one per round trip. Each check returns the value to use; call
/// <see cref="ThrowIfInvalid"/> before using any of them. Limits are those documented in common.proto.</summary>
public sealed class RequestChecks
{
    /// <summary>Largest amount a request may carry: one trillion yuan. Far above any budget, far below overflow.</summary>
    public const long MaxAmountFen = 100_000_000_000_000;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxRequestIdLength = 128;

    private readonly List<FieldViolation> _violations = [];

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public void Add(string field, string description) => _violations.Add(new FieldViolation(field, description));

    /// <summary>Throws INVALID_ARGUMENT with every violation found so far, if any.</summary>
    public void ThrowIfInvalid()
    {
        if (_violations.Count > 0)
            throw ApiError.Invalid([.. _violations]).ToRpcException();
    }

    /// <summary>A stable identifier or code: required, printable ASCII without spaces.</summary>
    public string Id(string value, string field, int maxLength = 64)
    {
        if (string.IsNullOrEmpty(value))
            Add(field, "is required");
        else if (value.Length > maxLength)
            Add(field, $"must be at most {maxLength} characters");
        else if (!value.All(c => c is > ' ' and <= '~'))
            Add(field, "must be printable ASCII without spaces");
        return value;
    }

    /// <summary>Optional identifier filter: empty is fine, otherwise as <see cref="Id"/>.</summary>
    public string? OptionalId(string value, string field, int maxLength = 64) =>
        string.IsNullOrEmpty(value) ? null : Id(value, field, maxLength);

    /// <summary>Required single-line text (a name, a reference).</summary>
    public string Name(string value, string field, int maxLength) => Text(value, field, maxLength, required: true, multiline: false);

    /// <summary>Free text (a reason, a comment); line breaks allowed.</summary>
    public string Text(string value, string field, int maxLength, bool required = true, bool multiline = true)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            if (required)
                Add(field, "is required");
        }
        else if (trimmed.EnumerateRunes().Count() > maxLength)
            Add(field, $"must be at most {maxLength} characters");
        else if (trimmed.EnumerateRunes().Any(r => Rune.IsControl(r) && !(multiline && r.Value is '\n' or '\r' or '\t')))
            Add(field, "must not contain control characters");
        return trimmed;
    }

    /// <summary>A positive amount in fen, at most <see cref="MaxAmountFen"/>.</summary>
    public Money Amount(long fen, string field)
    {
        if (fen <= 0)
            Add(field, "must be a positive amount in fen");
        else if (fen > MaxAmountFen)
            Add(field, $"must be at most {MaxAmountFen} fen");
        return new Money(fen);
    }

    /// <summary>A change in fen: not zero, at most <see cref="MaxAmountFen"/> either way.</summary>
    public Money Delta(long fen, string field)
    {
        if (fen == 0)
            Add(field, "must not be zero");
        else if (fen is > MaxAmountFen or < -MaxAmountFen)
            Add(field, $"must be between -{MaxAmountFen} and {MaxAmountFen} fen");
        return new Money(fen);
    }

    public int Year(int year, string field)
    {
        if (year is < MinYear or > MaxYear)
            Add(field, $"must be a year from {MinYear} to {MaxYear}");
        return year;
    }

    /// <summary>A calendar date from <see cref="MinYear"/> to <see cref="MaxYear"/>; null only when optional and absent.</summary>
    public DateOnly? Date(Contracts.V1.Date? date, string field, bool required = true)
    {
        if (date is null)
        {
            if (required)
                Add(field, "is required");
            return null;
        }
        if (!date.TryToDateOnly(out var value))
        {
            Add(field, $"{date.Year:0000}-{date.Month:00}-{date.Day:00} is not a calendar date");
            return null;
        }
        if (value.Year is < MinYear or > MaxYear)
            Add(field, $"must be from {MinYear}-01-01 to {MaxYear}-12-31");
        return value;
    }

    /// <summary>A required enum value: defined in this contract version and not *_UNSPECIFIED.</summary>
    public TEnum Enum<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!System.Enum.IsDefined(value))
            Add(field, $"unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");
        else if (Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0)
            Add(field, "is required");
        return value;
    }

    /// <summary>An optional enum filter: UNSPECIFIED is fine, an unknown value is not.</summary>
    public TEnum EnumFilter<TEnum>(TEnum value, string field) where TEnum : struct, Enum
    {
        if (!System.Enum.IsDefined(value))
            Add(field, $"unknown value {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)}");
        return value;
    }

    /// <summary>Page size: 0 means 50; at most 200.</summary>
    public int PageSize(int pageSize, string field = "page_size")
    {
        if (pageSize is < 0 or > 200)
            Add(field, "must be from 0 (default 50) to 200");
        return pageSize == 0 ? 50 : pageSize;
    }
}
