using Grants.Api.Errors;
using Grants.Domain;
using Grants.Domain.Applicants.Identity;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

/// <summary>Edge checks of the identifying fields, with the domain's own validators so the edge and the decider
/// agree; violations name the proto fields.</summary>
public static class IdentityChecks
{
    public static UnifiedSocialCreditCode? CreditCode(this RequestChecks checks, string value, string field) =>
        Take(checks, UnifiedSocialCreditCode.Parse(value, field), field);

    /// <summary>The person's identity as the system may keep it (hash and mask); the raw number goes no further.</summary>
    public static PersonalIdentity? Identity(this RequestChecks checks, V1.RegisterPersonRequest request, PersonalIdHasher hasher) =>
        request.IdentityCase switch
        {
            V1.RegisterPersonRequest.IdentityOneofCase.ResidentIdNumber =>
                Take(checks, PersonalIdentity.FromResidentId(request.ResidentIdNumber, hasher, "resident_id_number"), "resident_id_number"),
            V1.RegisterPersonRequest.IdentityOneofCase.Passport =>
                Take(checks, PersonalIdentity.FromPassport(request.Passport.Number, request.Passport.Nationality, hasher, "passport.number"),
                    "passport.number"),
            _ => Missing(checks),
        };

    /// <summary>The request as the idempotency guard may remember it: the guard keeps an unkeyed SHA-256 of the
    /// payload, and an 18-digit ID number is few enough guesses to recover from that. The keyed hash in its place
    /// still tells a retry (same number) from a different payload.</summary>
    public static V1.RegisterPersonRequest WithoutRawNumber(this V1.RegisterPersonRequest request, PersonalIdHasher hasher)
    {
        var copy = request.Clone();
        if (copy.IdentityCase == V1.RegisterPersonRequest.IdentityOneofCase.ResidentIdNumber)
            copy.ResidentIdNumber = hasher.Hash("request:" + copy.ResidentIdNumber);
        else if (copy.Passport is { } passport)
            passport.Number = hasher.Hash("request:" + passport.Number);
        return copy;
    }

    private static T? Take<T>(RequestChecks checks, Result<T> result, string field) where T : class
    {
        if (result.ErrorOrNull is not { } error)
            return result.ValueOrThrow();
        // The passport factory names the nationality "nationality"; on the wire it sits inside passport.
        checks.Add(error.Field == "nationality" ? "passport.nationality" : error.Field ?? field, error.Message);
        return null;
    }

    private static PersonalIdentity? Missing(RequestChecks checks)
    {
        checks.Add("identity", "give resident_id_number or passport");
        return null;
    }
}
