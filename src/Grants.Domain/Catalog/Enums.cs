namespace Grants.Domain.Catalog;

/// <summary>What a measure gives. Non-monetary measures (coordination, services) accept no amount at all.</summary>
public enum MeasureKind
{
    Award,
    Subsidy,
    NonMonetary,
}

/// <summary>Who may apply (file 000 section 二), plus natural persons nominated by an employer (articles 17-19).</summary>
public enum ApplicantKind
{
    FinancialInstitution,        // 金融机构
    FintechEnterprise,           // 金融科技企业
    ProfessionalServiceOrganisation, // 专业服务机构
    CarrierOperator,             // 载体运营机构
    Person,                      // 个人 (talent measures)
}

/// <summary>How far a measure's cap reaches.</summary>
public enum CapScope
{
    /// <summary>Each award on its own must stay within the cap.</summary>
    PerAward,

    /// <summary>All awards to one beneficiary under the measure, over the policy's whole period, add up to at most the cap
    /// (e.g. 每人不超过 100 万元 under file 000 article 18, across employers and applications).</summary>
    PerBeneficiaryOverPolicyPeriod,
}
