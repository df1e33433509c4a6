namespace Grants.Api.Auth;

/// <summary>The roles an API key can carry: one per kind of calling system, named as the configuration spells them.
/// A key gets only what its system needs; admin manages the catalog and reads, it does not decide awards.</summary>
public static class Roles
{
    public const string ApplicantPortal = "applicant_portal";
    public const string CreditRegistry = "credit_registry";
    public const string Assessor = "assessor";
    public const string Approver = "approver";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All =
        [ApplicantPortal, CreditRegistry, Assessor, Approver, Finance, Auditor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
