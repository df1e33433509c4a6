using Grants.Cli.Connection;
using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>The demo plays every calling system, each with its own role's key, as the real ones would.</summary>
internal sealed record DemoClients(
    CatalogService.CatalogServiceClient Admin,
    ApplicantService.ApplicantServiceClient Registration,
    ApplicantService.ApplicantServiceClient CreditRegistry,
    ApplicationService.ApplicationServiceClient Portal,
    ApplicationService.ApplicationServiceClient Assessor,
    ApplicationService.ApplicationServiceClient Approver,
    ApplicationService.ApplicationServiceClient Reader,
    BudgetService.BudgetServiceClient Budgets,
    DisbursementService.DisbursementServiceClient Payments,
    ClawbackService.ClawbackServiceClient Clawbacks)
{
    public static DemoClients Connect(GrantsConnection connection) => new(
        connection.Client<CatalogService.CatalogServiceClient>(Roles.Admin),
        connection.Client<ApplicantService.ApplicantServiceClient>([Roles.ApplicantPortal, Roles.Admin]),
        connection.Client<ApplicantService.ApplicantServiceClient>([Roles.CreditRegistry, Roles.Admin]),
        connection.Client<ApplicationService.ApplicationServiceClient>(Roles.ApplicantPortal),
        connection.Client<ApplicationService.ApplicationServiceClient>(Roles.Assessor),
        connection.Client<ApplicationService.ApplicationServiceClient>(Roles.Approver),
        connection.Client<ApplicationService.ApplicationServiceClient>(Roles.Reader),
        connection.Client<BudgetService.BudgetServiceClient>(Roles.Finance),
        connection.Client<DisbursementService.DisbursementServiceClient>(Roles.Finance),
        connection.Client<ClawbackService.ClawbackServiceClient>(Roles.Finance));
}
