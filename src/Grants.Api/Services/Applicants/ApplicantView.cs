using Google.Protobuf.WellKnownTypes;
using Grants.Api.Services.Catalog;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.EventStore;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Applicants;

/// <summary>An applicant as the wire shows it, folded from its stream. The stream is short (a registration and the
/// registry's flags), so folding it per call is cheaper than keeping a table in step; times come from the events'
/// recorded_at, and a person's document appears only in the masked form the event holds.</summary>
public static class ApplicantView
{
    public static V1.Applicant From(IEnumerable<StoredEvent> events)
    {
        var applicant = new V1.Applicant();
        foreach (var stored in events)
        {
            switch (stored.Data)
            {
                case ApplicantRegistered r:
                    Registered(applicant, r, stored.RecordedAt);
                    break;
                case ApplicantCreditFlagged f:
                    applicant.Credit = Standing(V1.CreditStatus.Flagged, f.Reason, f.RegistryReference, f.FlaggedOn, stored.RecordedAt);
                    break;
                case ApplicantCreditCleared c:
                    applicant.Credit = Standing(V1.CreditStatus.Good, c.Reason, c.RegistryReference, c.ClearedOn, stored.RecordedAt);
                    break;
            }

            applicant.Version = stored.Version;
        }

        return applicant;
    }

    private static void Registered(V1.Applicant applicant, ApplicantRegistered r, DateTimeOffset at)
    {
        applicant.ApplicantId = r.ApplicantId.Value;
        applicant.Kind = r.Kind.ToMessage();
        applicant.Name = r.LegalName;
        applicant.RegisteredAt = Timestamp.FromDateTimeOffset(at);
        applicant.Credit = new V1.CreditStanding { Status = V1.CreditStatus.Good };
        if (r.Person is { } person)
        {
            applicant.Person = new V1.PersonDetails
            {
                DocumentType = person.Scheme == PersonalIdScheme.Passport
                    ? V1.IdentityDocumentType.Passport
                    : V1.IdentityDocumentType.ResidentIdCard,
                MaskedDocumentNumber = person.Masked,
                Nationality = person.Nationality ?? "CHN",
                // The employer's id is derived from its credit code, which the event keeps.
                EmployerApplicantId = r.EmployerCreditCode is { } employer ? ApplicantIds.ForEnterprise(employer).Value : "",
            };
        }
        else
        {
            applicant.Enterprise = new V1.EnterpriseDetails
            {
                UnifiedSocialCreditCode = r.CreditCode?.Value ?? r.BeneficiaryKey,
                DistrictCode = r.RegisteredDistrict ?? "",
            };
        }
    }

    private static V1.CreditStanding Standing(V1.CreditStatus status, string reason, string caseReference, DateOnly decidedOn,
                                              DateTimeOffset recordedAt) => new()
    {
        Status = status,
        Reason = reason,
        CaseReference = caseReference,
        DecidedOn = V1.Date.FromDateOnly(decidedOn),
        RecordedAt = Timestamp.FromDateTimeOffset(recordedAt),
    };
}
