using Model = Grants.Domain.Catalog;
using V1 = Grants.Contracts.V1;

namespace Grants.Api.Services.Catalog;

/// <summary>Domain enums ⇄ wire enums. Spelled out case by case: the wire values are a published contract and
/// must not shift if someone reorders a domain enum.</summary>
public static class KindMessages
{
    public static V1.ApplicantKind ToMessage(this Model.ApplicantKind kind) => kind switch
    {
        Model.ApplicantKind.FinancialInstitution => V1.ApplicantKind.FinancialInstitution,
        Model.ApplicantKind.FintechEnterprise => V1.ApplicantKind.FintechEnterprise,
        Model.ApplicantKind.ProfessionalServiceOrganisation => V1.ApplicantKind.ProfessionalServiceOrganisation,
        Model.ApplicantKind.CarrierOperator => V1.ApplicantKind.CarrierOperator,
        Model.ApplicantKind.Person => V1.ApplicantKind.Person,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "applicant kind without a wire value"),
    };

    /// <summary>Null for UNSPECIFIED and values this server does not know (the caller validated them already).</summary>
    public static Model.ApplicantKind? ToDomain(this V1.ApplicantKind kind) => kind switch
    {
        V1.ApplicantKind.FinancialInstitution => Model.ApplicantKind.FinancialInstitution,
        V1.ApplicantKind.FintechEnterprise => Model.ApplicantKind.FintechEnterprise,
        V1.ApplicantKind.ProfessionalServiceOrganisation => Model.ApplicantKind.ProfessionalServiceOrganisation,
        V1.ApplicantKind.CarrierOperator => Model.ApplicantKind.CarrierOperator,
        V1.ApplicantKind.Person => Model.ApplicantKind.Person,
        _ => null,
    };

    public static V1.MeasureKind ToMessage(this Model.MeasureKind kind) => kind switch
    {
        Model.MeasureKind.Award => V1.MeasureKind.Award,
        Model.MeasureKind.Subsidy => V1.MeasureKind.Subsidy,
        Model.MeasureKind.NonMonetary => V1.MeasureKind.NonMonetary,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "measure kind without a wire value"),
    };

    public static V1.CapScope ToMessage(this Model.CapScope scope) => scope switch
    {
        Model.CapScope.PerAward => V1.CapScope.PerAward,
        Model.CapScope.PerBeneficiaryOverPolicyPeriod => V1.CapScope.PerBeneficiaryOverPolicyPeriod,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "cap scope without a wire value"),
    };
}
