using Grants.Domain.Budgets;

namespace Grants.Domain;

/// <summary>Stream ids, in one place because the event store, projections and tools must spell them identically.</summary>
public static class StreamIds
{
    public const string ApplicationType = "application";
    public const string ApplicantType = "applicant";
    public const string BudgetType = "budget";

    public static string Application(ApplicationId id) => $"{ApplicationType}-{id.Value}";

    public static string Applicant(ApplicantId id) => $"{ApplicantType}-{id.Value}";

    public static string Budget(BudgetKey key) => $"{BudgetType}-{key.Bureau.Value}-{key.FiscalYear}-{key.Measure.Value}";
}
