using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.Closing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Fixtures;

/// <summary>Commands with sensible defaults, so a test states only what it is about.</summary>
public static class Commands
{
    public static readonly ApplicationId App = new("HP-2025-000001");

    public static SubmitApplication Submit(MeasureId measure, Money? amount, ApplicantId? applicant = null, string? tier = null,
        DateOnly? on = null, ApplicationId? id = null) =>
        new(id ?? App, applicant ?? TestApplicants.FintechId, measure, amount, tier, on ?? Dates.Submitted);

    public static ConfirmEligibility ConfirmEligibility(DateOnly? on = null) => new(App, null, on ?? Dates.Confirmed);

    public static AssessApplication Assess(Money recommended, OfficialId? assessor = null, int score = 80, bool conflict = false,
        DateOnly? on = null) =>
        new(App, assessor ?? Officials.Assessor, score, recommended, new ConflictOfInterestDeclaration(conflict, null), on ?? Dates.Assessed);

    public static ApproveAward Approve(Money amount, OfficialId? approver = null, BureauCode? bureau = null, BureauCode? paying = null,
        DateOnly? on = null) =>
        new(App, approver ?? Officials.Approver, bureau ?? TestCatalog.Ipo, amount, paying, on ?? Dates.Approved);

    public static AmendAward Amend(Money newAmount, OfficialId? approver = null, BureauCode? bureau = null, DateOnly? on = null) =>
        new(App, approver ?? Officials.Approver, bureau ?? TestCatalog.Ipo, newAmount, "scope changed", on ?? Dates.Later);

    public static InstructTranche Instruct(int number, Money amount, DateOnly? on = null) =>
        new(App, number, amount, "上海某金融科技有限公司", "6222 0210 0112 3456 789", on ?? Dates.Instructed);

    public static ConfirmPayment ConfirmPayment(int number, DateOnly? on = null) =>
        new(App, Reference(number), $"TR-{number}", on ?? Dates.Paid);

    public static RecordPaymentReturn Return(int number, DateOnly? on = null) =>
        new(App, Reference(number), "account closed", on ?? Dates.Later);

    public static HoldPayments Hold(DateOnly? on = null) => new(App, "audit query", on ?? Dates.Approved);

    public static ReleasePayments Release(DateOnly? on = null) => new(App, "query answered", on ?? Dates.Approved);

    public static OrderClawback OrderClawback(Money amount, string id = "C1", OfficialId? by = null, DateOnly? on = null) =>
        new(App, new ClawbackId(id), by ?? Officials.Finance, "conditions not met", amount, on ?? Dates.Later);

    public static RecordClawbackRepayment Repay(Money amount, string id = "C1", DateOnly? on = null) =>
        new(App, new ClawbackId(id), amount, "BANK-REF-1", on ?? Dates.Later);

    public static WriteOffClawback WriteOff(string id = "C1", DateOnly? on = null) =>
        new(App, new ClawbackId(id), "beneficiary dissolved", on ?? Dates.Later);

    public static CloseApplication Close(DateOnly? on = null) => new(App, null, on ?? Dates.Later);

    public static string Reference(int number) => $"{App.Value}-T{number}";
}
