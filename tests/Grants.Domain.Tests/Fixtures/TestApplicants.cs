using Grants.Domain.Applicants;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Fixtures;

/// <summary>Registered applicants, built through the applicant decider so their states are real.</summary>
public static class TestApplicants
{
    /// <summary>Valid per GB 32100-2015 (check character computed), a Huangpu-registered fintech firm.</summary>
    public const string FintechCreditCode = "91310101MA1FPX1234";

    /// <summary>Public 统一社会信用代码 of Alibaba (China) Co., Ltd.: a real code that must validate.</summary>
    public const string EmployerCreditCode = "91330100799655058B";

    /// <summary>Valid per GB 11643 (check digit 4), born 1990-01-01, Huangpu address code 310101.</summary>
    public const string ResidentId = "310101199001011234";

    public static readonly PersonalIdHasher Hasher = new(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static readonly ApplicantId FintechId = new("AP-FT-1");
    public static readonly ApplicantId InstitutionId = new("AP-FI-1");
    public static readonly ApplicantId PersonId = new("AP-P-1");

    /// <summary>The same person as <see cref="Person"/>, nominated by another employer.</summary>
    public static readonly ApplicantId SamePersonOtherEmployerId = new("AP-P-2");

    public static ApplicantState Fintech { get; } = Enterprise(FintechId, FintechCreditCode, ApplicantKind.FintechEnterprise);

    public static ApplicantState Institution { get; } = Enterprise(InstitutionId, "9144030071526726XG", ApplicantKind.FinancialInstitution);

    public static ApplicantState Person { get; } = PersonWithId(PersonId, ResidentId);

    public static ApplicantState SamePersonOtherEmployer { get; } = PersonWithId(SamePersonOtherEmployerId, ResidentId);

    public static ApplicantState Flagged(ApplicantState state) =>
        state with { Flag = new CreditFlag("CR-2025-0001", "严重违法失信名单", new DateOnly(2025, 2, 1)) };

    public static ApplicantState Enterprise(ApplicantId id, string creditCode, ApplicantKind kind) =>
        ApplicantDecider.Fold(ApplicantDecider.Decide(
            new RegisterEnterprise(id, creditCode, "上海某金融科技有限公司", kind, "SH-HP", new DateOnly(2025, 1, 2)),
            ApplicantState.Initial).EventsOrEmpty);

    public static ApplicantState PersonWithId(ApplicantId id, string residentId)
    {
        var identity = PersonalIdentity.FromResidentId(residentId, Hasher).ValueOrThrow();
        return ApplicantDecider.Fold(ApplicantDecider.Decide(
            new RegisterPerson(id, identity, "张三", EmployerCreditCode, new DateOnly(2025, 1, 2)),
            ApplicantState.Initial).EventsOrEmpty);
    }
}
