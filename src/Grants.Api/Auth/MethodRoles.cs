using System.Collections.Frozen;
using static Grants.Api.Auth.Roles;

namespace Grants.Api.Auth;

/// <summary>Who may call what: the one table of RPC → allowed roles, keyed by full gRPC method name. A method missing
/// here is refused to everyone (a new RPC is closed until someone decides who may call it); a test checks that
/// every RPC of the contract is listed. Separation of duties is the domain's job; this only keeps each calling
/// system to its trade.</summary>
public static class MethodRoles
{
    /// <summary>Health and reflection answer without a credential (load balancers and grpcurl use them).</summary>
    public static readonly FrozenSet<string> AnonymousServices = FrozenSet.ToFrozenSet(
    [
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    ], StringComparer.Ordinal);

    private static readonly string[] Everyone = [.. All];
    private static readonly string[] Readers = [ApplicantPortal, Assessor, Approver, Finance, Auditor, Admin];
    private static readonly string[] BudgetReaders = [Approver, Finance, Auditor, Admin];
    private static readonly string[] FinanceReaders = [Finance, Auditor, Admin];
    private static readonly string[] Auditors = [Auditor, Admin];

    public static readonly FrozenDictionary<string, IReadOnlySet<string>> Table = new Dictionary<string, string[]>
    {
        [Rpc("CatalogService", "ListPolicies")] = Everyone,
        [Rpc("CatalogService", "ListBureaus")] = Everyone,
        [Rpc("CatalogService", "ListMeasures")] = Everyone,
        [Rpc("CatalogService", "GetMeasure")] = Everyone,
        [Rpc("CatalogService", "ConfigureMeasureCap")] = [Admin],

        [Rpc("ApplicantService", "RegisterEnterprise")] = [ApplicantPortal, Admin],
        [Rpc("ApplicantService", "RegisterPerson")] = [ApplicantPortal, Admin],
        [Rpc("ApplicantService", "GetApplicant")] = Everyone,
        [Rpc("ApplicantService", "FlagCredit")] = [CreditRegistry, Admin],
        [Rpc("ApplicantService", "ClearCredit")] = [CreditRegistry, Admin],

        [Rpc("ApplicationService", "Submit")] = [ApplicantPortal],
        [Rpc("ApplicationService", "Withdraw")] = [ApplicantPortal],
        [Rpc("ApplicationService", "ConfirmEligibility")] = [Assessor],
        [Rpc("ApplicationService", "RejectEligibility")] = [Assessor],
        [Rpc("ApplicationService", "Assess")] = [Assessor],
        [Rpc("ApplicationService", "Approve")] = [Approver],
        [Rpc("ApplicationService", "Reject")] = [Approver],
        [Rpc("ApplicationService", "AmendAward")] = [Approver],
        [Rpc("ApplicationService", "GetApplication")] = Readers,
        [Rpc("ApplicationService", "ListApplications")] = Readers,

        [Rpc("BudgetService", "Appropriate")] = [Finance],
        [Rpc("BudgetService", "AdjustAppropriation")] = [Finance],
        [Rpc("BudgetService", "GetLedger")] = BudgetReaders,
        [Rpc("BudgetService", "ListLedgers")] = BudgetReaders,
        [Rpc("BudgetService", "GetBeneficiaryLedger")] = [Assessor, .. BudgetReaders],

        [Rpc("DisbursementService", "InstructTranche")] = [Finance],
        [Rpc("DisbursementService", "HoldPayments")] = [Finance],
        [Rpc("DisbursementService", "ReleasePayments")] = [Finance],
        [Rpc("DisbursementService", "ConfirmPayment")] = [Finance],
        [Rpc("DisbursementService", "RecordReturn")] = [Finance],

        [Rpc("ClawbackService", "OrderClawback")] = [Approver, Finance],
        [Rpc("ClawbackService", "RecordRecovery")] = [Finance],
        [Rpc("ClawbackService", "OffsetClawback")] = [Finance],
        [Rpc("ClawbackService", "WriteOff")] = [Finance],

        [Rpc("AuditService", "StreamEvents")] = Auditors,
        [Rpc("AuditService", "GetApplicationHistory")] = Auditors,
        [Rpc("AuditService", "GetApplicationAsOf")] = Auditors,
        [Rpc("AuditService", "GetLedgersAsOf")] = Auditors,
        [Rpc("AuditService", "GetDigest")] = Auditors,
        [Rpc("AuditService", "Verify")] = Auditors,
        [Rpc("AuditService", "RebuildCompare")] = Auditors,

        [Rpc("ReconciliationService", "ListInstructions")] = FinanceReaders,
        [Rpc("ReconciliationService", "ImportStatement")] = [Finance],
        [Rpc("ReconciliationService", "ListItems")] = FinanceReaders,
        [Rpc("ReconciliationService", "ResolveItem")] = [Finance],
        [Rpc("ReconciliationService", "GetReport")] = FinanceReaders,
    }.ToFrozenDictionary(e => e.Key, e => (IReadOnlySet<string>)e.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>True for "/grpc.health.v1.Health/Check" and the other anonymous services' methods.</summary>
    public static bool IsAnonymous(string fullMethod) =>
        ServiceOf(fullMethod) is { } service && AnonymousServices.Contains(service);

    /// <summary>The roles allowed to call the method; empty when the method is unknown.</summary>
    public static IReadOnlySet<string> AllowedRoles(string fullMethod) =>
        Table.TryGetValue(fullMethod, out var roles) ? roles : FrozenSet<string>.Empty;

    private static string Rpc(string service, string method) => $"/grants.v1.{service}/{method}";

    private static string? ServiceOf(string fullMethod)
    {
        var slash = fullMethod.IndexOf('/', 1);
        return fullMethod.Length > 1 && fullMethod[0] == '/' && slash > 1 ? fullMethod[1..slash] : null;
    }
}
