using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Budgets;

namespace Grants.Api.Commands;

/// <summary>The streams the services write, with their deciders' Evolve.</summary>
public static class Streams
{
    public static StreamSpec<ApplicationState> Application(ApplicationId id) =>
        new(StreamIds.Application(id), StreamIds.ApplicationType, ApplicationState.Initial, ApplicationDecider.Evolve);

    public static StreamSpec<ApplicantState> Applicant(ApplicantId id) =>
        new(StreamIds.Applicant(id), StreamIds.ApplicantType, ApplicantState.Initial, ApplicantDecider.Evolve);

    public static StreamSpec<BudgetState> Budget(BudgetKey key) =>
        new(StreamIds.Budget(key), StreamIds.BudgetType, BudgetState.Initial, BudgetDecider.Evolve);
}
