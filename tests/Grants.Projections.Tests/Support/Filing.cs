using Grants.Domain;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;

namespace Grants.Projections.Tests.Support;

/// <summary>The usual road to an approval, through the real deciders: register, appropriate, submit, confirm
/// eligibility, assess. Dates follow one another inside FY2025 and the policy window.</summary>
internal static class Filing
{
    public static readonly DateOnly RegisteredOn = new(2025, 2, 3);
    public static readonly DateOnly SubmittedOn = new(2025, 3, 3);
    public static readonly DateOnly ApprovedOn = new(2025, 3, 10);

    public static readonly OfficialId Assessor = new("assessor-ipo-1");
    public static readonly OfficialId Approver = new("approver-ipo-2");

    public static Task RegisterEnterprise(this CommandDesk desk, ApplicantId id, int n) =>
        desk.File(new RegisterEnterprise(id, Parties.CreditCode(n), Parties.CompanyName(n), ApplicantKind.FintechEnterprise, "黄浦区", RegisteredOn));

    public static Task RegisterPerson(this CommandDesk desk, ApplicantId id, PersonalIdentity person, int employer) =>
        desk.File(new RegisterPerson(id, person, Parties.PersonName(employer), Parties.CreditCode(employer), RegisteredOn));

    public static Task Appropriate(this CommandDesk desk, BudgetKey line, Money amount) =>
        desk.File(new Appropriate(line, amount, "年度预算安排", "黄财预〔2025〕1号", new DateOnly(2025, 1, 15)));

    public static async Task SubmitConfirmAssess(this CommandDesk desk, ApplicationId id, ApplicantId applicant, MeasureId measure, Money amount)
    {
        await desk.File(new SubmitApplication(id, applicant, measure, amount, null, SubmittedOn));
        await desk.File(new ConfirmEligibility(id, null, SubmittedOn.AddDays(1)));
        await desk.File(new AssessApplication(id, Assessor, 80, amount, new ConflictOfInterestDeclaration(false, null), SubmittedOn.AddDays(2)));
    }

    public static ApproveAward Approval(ApplicationId id, Money amount) => new(id, Approver, Lines.Ipo, amount, null, ApprovedOn);

    public static ApplicationId ApplicationNo(int n) => ApplicationId.Format("HP", 2025, n);
}
