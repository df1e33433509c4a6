namespace Grants.Domain.Catalog;

/// <summary>The snake_case names the seeds and events use for catalog enums. Written out rather than derived from the
/// C# names, so renaming a member can never change stored data.</summary>
public static class WireNames
{
    public static readonly IReadOnlyDictionary<string, MeasureKind> MeasureKinds = new Dictionary<string, MeasureKind>
    {
        ["award"] = MeasureKind.Award,
        ["subsidy"] = MeasureKind.Subsidy,
        ["non_monetary"] = MeasureKind.NonMonetary,
    };

    public static readonly IReadOnlyDictionary<string, ApplicantKind> ApplicantKinds = new Dictionary<string, ApplicantKind>
    {
        ["financial_institution"] = ApplicantKind.FinancialInstitution,
        ["fintech_enterprise"] = ApplicantKind.FintechEnterprise,
        ["professional_service_organisation"] = ApplicantKind.ProfessionalServiceOrganisation,
        ["carrier_operator"] = ApplicantKind.CarrierOperator,
        ["person"] = ApplicantKind.Person,
    };

    public static readonly IReadOnlyDictionary<string, CapScope> CapScopes = new Dictionary<string, CapScope>
    {
        ["per_award"] = CapScope.PerAward,
        ["per_beneficiary_over_policy_period"] = CapScope.PerBeneficiaryOverPolicyPeriod,
    };

    public static string Of(MeasureKind kind) => MeasureKinds.Single(p => p.Value == kind).Key;

    public static string Of(ApplicantKind kind) => ApplicantKinds.Single(p => p.Value == kind).Key;

    public static string Of(CapScope scope) => CapScopes.Single(p => p.Value == scope).Key;
}
