using Bogus;
using Grants.Cli.Demo;
using Grants.Cli.Demo.Identity;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.LoadTest;

/// <summary>An application brought to "assessed" (ready for the measured Approve) and the date the server recorded
/// for it, which the approval must not precede.</summary>
public sealed record Prepared(int Index, Budget Budget, string ApplicationId, DateOnly On);

/// <summary>The calls before the measured one: fund the ledgers, register an enterprise, submit, confirm
/// eligibility, assess. Request ids carry the run id, so a second run on the same server never replays the first.</summary>
public sealed class Preparation(Callers callers, string runId)
{
    public async Task Fund(Budget budget, int awards, DateOnly on) =>
        await callers.Budgets.AppropriateAsync(new AppropriateRequest
        {
            RequestId = $"bench-{runId}-fund-{budget.Measure.Id}",
            BureauCode = budget.Measure.PayingBureau,
            FiscalYear = on.Year,
            MeasureId = budget.Measure.Id,
            AmountFen = budget.AwardFen * awards,
            Reason = "压力测试预算（基准测试数据）",
            Officer = budget.Finance,
            AppropriatedOn = Date.FromDateOnly(on),
        });

    public async Task<Prepared> Assessed(int index, Budget budget)
    {
        var f = DemoFakes.Faker(HashCode.Combine(runId, index));
        var enterprise = await callers.Registration.RegisterEnterpriseAsync(new RegisterEnterpriseRequest
        {
            RequestId = Id(index, "register"),
            // Random 8-digit bodies collide about ten times in a full run's 43,000 enterprises (a duplicate
            // registration is refused, as it should be); a run-specific offset plus the index never does within a run.
            UnifiedSocialCreditCode = CreditCodes.FromNumber((int)((uint)StringComparer.Ordinal.GetHashCode(runId) % 90_000_000u) + index),
            Name = "上海" + f.Random.Number(1000, 9999) + "金融科技有限公司",
            Kind = budget.Kind,
            DistrictCode = "SH-HP",
        });
        var project = DemoFakes.Project(f);
        var submitted = (await callers.Portal.SubmitAsync(new SubmitRequest
        {
            RequestId = Id(index, "submit"),
            ApplicantId = enterprise.Applicant.ApplicantId,
            MeasureId = budget.Measure.Id,
            Title = project.Title,
            Description = project.Description,
            RequestedAmountFen = budget.AwardFen,
        })).Application;
        var on = Dates.DateIn(submitted.SubmittedAt);
        await callers.Assessor.ConfirmEligibilityAsync(new ConfirmEligibilityRequest
        {
            RequestId = Id(index, "eligible"),
            ApplicationId = submitted.ApplicationId,
            Officer = budget.Assessor,
            DecidedOn = Date.FromDateOnly(on),
            Note = "材料齐全（基准测试数据）",
        });
        var assessed = (await callers.Assessor.AssessAsync(new AssessRequest
        {
            RequestId = Id(index, "assess"),
            ApplicationId = submitted.ApplicationId,
            Assessor = budget.Assessor,
            Score = 80,
            RecommendedAmountFen = budget.AwardFen,
            Conflict = new ConflictDeclaration { HasConflict = false, Statement = "本人与申报单位不存在利益关系" },
            Comment = "同意推荐（基准测试数据）",
        })).Application;
        var recorded = Dates.DateIn(assessed.UpdatedAt);
        return new Prepared(index, budget, submitted.ApplicationId, recorded > on ? recorded : on);
    }

    public Task<ApproveResponse> Approve(Prepared p) =>
        callers.Approver.ApproveAsync(new ApproveRequest
        {
            RequestId = Id(p.Index, "approve"),
            ApplicationId = p.ApplicationId,
            Approver = p.Budget.Approver,
            AmountFen = p.Budget.AwardFen,
            FiscalYear = p.On.Year,
            PayingBureauCode = p.Budget.Measure.PayingBureau,
            ApprovedOn = Date.FromDateOnly(p.On),
            Comment = "同意（基准测试数据）",
        }).ResponseAsync;

    /// <summary>Instruct the whole award and confirm it paid: the tail of the lifecycle scenario.</summary>
    public async Task Pay(Prepared p)
    {
        var tranche = (await callers.Payments.InstructTrancheAsync(new InstructTrancheRequest
        {
            RequestId = Id(p.Index, "instruct"),
            ApplicationId = p.ApplicationId,
            AmountFen = p.Budget.AwardFen,
            PayeeName = "上海基准测试金融科技有限公司",
            PayeeAccount = "6222" + p.Index.ToString("D12", System.Globalization.CultureInfo.InvariantCulture),
            Officer = p.Budget.Finance,
            InstructedOn = Date.FromDateOnly(p.On),
        })).Tranche;
        await callers.Payments.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = Id(p.Index, "paid"),
            PaymentReference = tranche.PaymentReference,
            AmountFen = tranche.AmountFen - tranche.OffsetFen,
            PaidOn = Date.FromDateOnly(p.On),
            TreasuryReference = $"PAY{runId}{p.Index:D8}",
        });
    }

    private string Id(int index, string step) => $"bench-{runId}-{index}-{step}";
}
