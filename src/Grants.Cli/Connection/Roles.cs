namespace Grants.Cli.Connection;

/// <summary>The server's role names (src/Grants.Api/Auth/Roles.cs) and which key a command asks for first.</summary>
public static class Roles
{
    public const string ApplicantPortal = "applicant_portal";
    public const string CreditRegistry = "credit_registry";
    public const string Assessor = "assessor";
    public const string Approver = "approver";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Read-only commands use the auditor's key, else the admin's: both may read everything.</summary>
    public static readonly IReadOnlyList<string> Reader = [Auditor, Admin];
}
