using System.Security.Cryptography;
using System.Text;
using Grants.Domain;
using Grants.Domain.Applicants.Identity;

namespace Grants.Api.Services.Applicants;

/// <summary>Applicant ids are derived from what identifies the applicant, not drawn at random: a second registration
/// of the same enterprise (or the same person by the same employer) lands on the same stream, whose version check
/// refuses it inside the append, so duplicates are impossible even when two registrations race on two servers.
/// A person's id comes from the keyed hash of the ID number, never the number, and reveals nothing of it.</summary>
public static class ApplicantIds
{
    public const string Prefix = "APL-";

    public static ApplicantId ForEnterprise(UnifiedSocialCreditCode code) => Derive($"enterprise:{code.Value}");

    public static ApplicantId ForPerson(ApplicantId employer, PersonalIdentity identity) =>
        Derive($"person:{employer.Value}:{identity.Hmac}");

    private static ApplicantId Derive(string identity) =>
        ApplicantId.From(Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)).AsSpan(0, 8)));
}
