using System.Text.Json.Serialization;

namespace Grants.Domain.Applicants.Identity;

/// <summary>统一社会信用代码 of an enterprise (GB 32100-2015): 18 characters from a 31-character alphabet without
/// I, O, Z, S, V, the last being a mod-31 check character. It is public information, so it is stored as is and is
/// the beneficiary key of an enterprise.</summary>
[JsonConverter(typeof(StringIdJsonConverter<UnifiedSocialCreditCode>))]
public sealed record UnifiedSocialCreditCode : IStringId<UnifiedSocialCreditCode>
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>For reading stored events, which were validated when written.</summary>
    public static UnifiedSocialCreditCode From(string value) => new(value);

    public static Result<UnifiedSocialCreditCode> Parse(string? text, string field = "credit_code")
    {
        var code = (text ?? "").Trim().ToUpperInvariant();
        if (code.Length != 18)
            return DomainError.Invalid(ErrorCodes.InvalidCreditCode, field, "统一社会信用代码 must have 18 characters");
        if (code.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
            return DomainError.Invalid(ErrorCodes.InvalidCreditCode, field,
                "统一社会信用代码 may use only 0-9 and A-H, J-N, P, Q, R, T, U, W, X, Y");
        if (code[17] != CheckCharacter(code.AsSpan(0, 17)))
            return DomainError.Invalid(ErrorCodes.InvalidCreditCode, field, "统一社会信用代码 check character does not match");
        return new UnifiedSocialCreditCode(code);
    }

    /// <summary>GB 32100-2015 §5: C18 = 31 − (Σ Ci·Wi mod 31), where 31 maps to 0.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        var check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    public override string ToString() => Value;
}
