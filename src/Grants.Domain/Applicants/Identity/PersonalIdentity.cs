
namespace Grants.Domain.Applicants.Identity;

public enum PersonalIdScheme
{
    ResidentId, // 居民身份证
    Passport,
}

/// <summary>A person as the system may remember them: the keyed hash (matches the same person across employers for
/// per-person caps) and a masked form for officers. The raw number is used only inside the factories and dropped.</summary>
public sealed record PersonalIdentity(PersonalIdScheme Scheme, string Hmac, string Masked, string? Nationality)
{
    public static Result<PersonalIdentity> FromResidentId(string number, PersonalIdHasher hasher, string field = "resident_id")
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var normalised = ResidentIdNumber.Normalise(number);
        if (ResidentIdNumber.Validate(normalised, field) is { } error)
            return error;
        var masked = $"{normalised[..4]}{new string('*', 10)}{normalised[^4..]}";
        return new PersonalIdentity(PersonalIdScheme.ResidentId, hasher.Hash(normalised), masked, null);
    }

    /// <summary>The hashed form is "NAT:NUMBER": passport numbers are unique only within the issuing country.</summary>
    public static Result<PersonalIdentity> FromPassport(string number, string nationality, PersonalIdHasher hasher,
        string field = "passport_number")
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var nat = (nationality ?? "").Trim().ToUpperInvariant();
        if (!Identity.Nationality.IsKnown(nat))
            return DomainError.Invalid(ErrorCodes.InvalidNationality, "nationality", "nationality must be an ISO 3166-1 alpha-3 code");
        // A Chinese citizen is matched for per-person caps by the resident ID; a passport would be a second identity.
        if (nat == "CHN")
            return DomainError.Invalid(ErrorCodes.InvalidNationality, "nationality", "Chinese citizens are identified by 居民身份证号码");
        var normalised = (number ?? "").Trim().ToUpperInvariant();
        if (normalised.Length is < 5 or > 20 || !normalised.All(char.IsAsciiLetterOrDigit))
            return DomainError.Invalid(ErrorCodes.InvalidPassport, field, "passport number must be 5-20 letters or digits");
        var masked = $"{normalised[..1]}{new string('*', normalised.Length - 3)}{normalised[^2..]}";
        return new PersonalIdentity(PersonalIdScheme.Passport, hasher.Hash($"{nat}:{normalised}"), masked, nat);
    }
}
