namespace Grants.Domain;

/// <summary>Checks for free-text command fields (names, reasons, references): present and of a sane length, so a
/// reason is never blank and a payload cannot smuggle megabytes into the event log.</summary>
public static class Text
{
    public const int ShortMax = 200;
    public const int LongMax = 2000;

    public static DomainError? Required(string? value, string field, int max = ShortMax)
    {
        if (string.IsNullOrWhiteSpace(value))
            return DomainError.Invalid(ErrorCodes.RequiredField, field, $"{field} is required");
        return value.Length > max
            ? DomainError.Invalid(ErrorCodes.FieldTooLong, field, $"{field} is longer than {max} characters")
            : null;
    }

    public static DomainError? Optional(string? value, string field, int max = ShortMax) =>
        value is { Length: var n } && n > max
            ? DomainError.Invalid(ErrorCodes.FieldTooLong, field, $"{field} is longer than {max} characters")
            : null;
}
