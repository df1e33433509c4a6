using Grants.Api.Hosting;
using Grants.Api.Services.Applicants;
using Grants.Api.Services.Budgets;
using Grants.Projections.Queries;

namespace Grants.Api.Services.Catalog;

/// <summary>What the catalog, applicant and budget services need beyond the command path.</summary>
public static class CatalogApplicantBudgetServices
{
    /// <summary>Loads the personal ID key now, so a server without one refuses to start instead of failing at the
    /// first registration of a person.</summary>
    public static IServiceCollection AddCatalogApplicantBudgetServices(this IServiceCollection services, IConfiguration configuration)
    {
        var personalIdKey = PersonalIdKey.Load(configuration, GrantsDatabaseOptions.From(configuration));
        services.AddSingleton(personalIdKey);
        services.AddSingleton(personalIdKey.Hasher);
        services.AddSingleton<CapHistory>();
        services.AddSingleton<ApplicantStream>();
        services.AddSingleton<BudgetCommands>();
        services.AddSingleton<LedgerQueries>();
        services.AddSingleton<LedgerGauge>();
        services.AddHostedService(sp => sp.GetRequiredService<LedgerGauge>());
        return services;
    }
}
