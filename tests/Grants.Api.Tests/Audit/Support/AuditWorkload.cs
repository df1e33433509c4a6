using Bogus;
using Grants.Api.Commands;
using Grants.Domain;
using Grants.Domain.Applicants.Registering;
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
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.Projections.Ledgers;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Api.Tests.Audit.Support;

/// <summary>A randomized but reproducible workload (Bogus, fixed seed) over the real catalog: fintech enterprises
/// apply under HP-2024-3 art.1 (paid by 区投促办 HP-IPO) and art.3 (paid by 区科委 HP-STC) and go down every lifecycle
/// path: withdrawn, ineligible, rejected, approved, paid and closed, partly paid, returned, amended, clawed back
/// (repaid, written off), held and released. Applications run in parallel lanes, so appends interleave.</summary>
internal sealed class AuditWorkload(AuditDesk desk, int seed)
{
    public static readonly BureauCode Ipo = new("HP-IPO");
    public static readonly BureauCode Stc = new("HP-STC");
    public static readonly BudgetKey Art1Line = new(Ipo, 2025, new MeasureId("HP-2024-3/1"));
    public static readonly BudgetKey Art3Line = new(Stc, 2025, new MeasureId("HP-2024-3/3"));

    private const string Account = "6222021001123456789";

    private readonly List<ApplicantId> _applicants = [];
    private int _refused;

    public int Refused => _refused;

    public int Applications { get; private set; }

    public async Task Prepare(int applicants)
    {
        foreach (var line in new[] { Art1Line, Art3Line })
            await desk.File(new Appropriate(line, Money.FromYuan(500_000_000), "年度预算安排", "黄财预〔2025〕1号", new DateOnly(2025, 1, 15)));
        for (var n = 1; n <= applicants; n++)
        {
            var id = new ApplicantId($"ENT-{seed}-{n:D4}");
            var name = new Faker("zh_CN") { Random = new Randomizer(seed * 1000 + n) }.Company.CompanyName();
            await desk.File(new RegisterEnterprise(id, CreditCode(seed * 10_000 + n), name, ApplicantKind.FintechEnterprise, "黄浦区",
                new DateOnly(2025, 2, 3)));
            _applicants.Add(id);
        }
    }

    /// <summary>Applications numbered <paramref name="first"/> onwards, spread over <paramref name="lanes"/> parallel writers.</summary>
    public async Task Run(int first, int count, int lanes)
    {
        var tasks = Enumerable.Range(0, lanes).Select(lane => Task.Run(async () =>
        {
            var random = new Randomizer(seed * 7919 + first + lane);
            for (var n = first + lane; n < first + count; n += lanes)
                await RunOne(n, random);
        }));
        await Task.WhenAll(tasks);
        Applications += count;
    }

    private async Task RunOne(int n, Randomizer random)
    {
        var id = ApplicationId.Format("HP", 2025, n);
        var line = random.Bool() ? Art1Line : Art3Line;
        var officer = line.Bureau == Ipo ? "ipo" : "stc";
        var amount = Money.FromYuan(random.Int(100, 5_000) * 1_000);
        var on = new DateOnly(2025, 3, 3).AddDays(n % 60);
        var path = random.Int(0, 9);
        try
        {
            await desk.File(new SubmitApplication(id, _applicants[n % _applicants.Count], line.Measure, amount, null, on));
            if (path == 0)
            {
                await desk.File(new WithdrawApplication(id, "申请人撤回", on.AddDays(1)));
                return;
            }
            if (path == 1)
            {
                await desk.File(new RejectEligibility(id, "不符合申报条件", on.AddDays(1)));
                return;
            }
            await desk.File(new ConfirmEligibility(id, null, on.AddDays(1)));
            await desk.File(new AssessApplication(id, new OfficialId($"assessor-{officer}-1"), random.Int(50, 100), amount,
                new ConflictOfInterestDeclaration(false, null), on.AddDays(2)));
            if (path == 2)
            {
                await desk.File(new RejectApplication(id, new OfficialId($"approver-{officer}-1"), line.Bureau, "评审未通过", on.AddDays(5)));
                return;
            }
            var award = random.Bool(0.8f) ? amount : Money.FromYuan(amount.Fen / 200);
            await desk.File(new ApproveAward(id, new OfficialId($"approver-{officer}-1"), line.Bureau, award, null, on.AddDays(7)));
            await AfterApproval(id, path, award, line.Bureau, officer, on.AddDays(7), random);
        }
        catch (Exception e) when (e is CommandRefusedException or LedgerRefusedException)
        {
            Interlocked.Increment(ref _refused);
        }
    }

    private async Task AfterApproval(ApplicationId id, int path, Money award, BureauCode bureau, string officer, DateOnly approved,
                                     Randomizer random)
    {
        switch (path)
        {
            case 3:
                return;
            case 4:
                await Pay(id, 1, award, approved.AddDays(20));
                await desk.File(new CloseApplication(id, "结项", approved.AddDays(40)));
                return;
            case 5:
                var part = Money.FromYuan(award.Fen / 100 / 2);
                await Pay(id, 1, part, approved.AddDays(20));
                await desk.File(new InstructTranche(id, 2, award - part, "收款企业", Account, approved.AddDays(30)));
                return;
            case 6:
                await Pay(id, 1, award, approved.AddDays(20));
                await desk.File(new RecordPaymentReturn(id, TrancheInstructed.ReferenceFor(id, 1), "账户已注销", approved.AddDays(25)));
                return;
            case 7:
                var amended = Money.FromYuan(award.Fen / 100 * random.Int(50, 120) / 100);
                await desk.File(new AmendAward(id, new OfficialId($"approver-{officer}-2"), bureau, amended, "调整奖励金额", approved.AddDays(10)));
                await Pay(id, 1, amended, approved.AddDays(20));
                return;
            case 8:
                await Pay(id, 1, award, approved.AddDays(20));
                var claim = Money.FromYuan(award.Fen / 100 / 4);
                var clawback = new ClawbackId("C1");
                await desk.File(new OrderClawback(id, clawback, new OfficialId($"finance-{officer}-1"), "未达绩效承诺", claim, approved.AddDays(50)));
                await desk.File(new RecordClawbackRepayment(id, clawback, Money.FromYuan(claim.Fen / 100 / 2), "BANK-REF-1", approved.AddDays(60)));
                if (random.Bool())
                {
                    await desk.File(new WriteOffClawback(id, clawback, "企业注销", approved.AddDays(70)));
                    await desk.File(new CloseApplication(id, null, approved.AddDays(80)));
                }
                return;
            default:
                await desk.File(new HoldPayments(id, "审计问询", approved.AddDays(5)));
                await desk.File(new ReleasePayments(id, "问询已答复", approved.AddDays(8)));
                await Pay(id, 1, award, approved.AddDays(20));
                return;
        }
    }

    private async Task Pay(ApplicationId id, int tranche, Money amount, DateOnly on)
    {
        await desk.File(new InstructTranche(id, tranche, amount, "收款企业", Account, on));
        await desk.File(new ConfirmPayment(id, TrancheInstructed.ReferenceFor(id, tranche), $"TR-{id.Value}-{tranche}", on.AddDays(2)));
    }

    /// <summary>A valid 统一社会信用代码 (check character computed).</summary>
    private static string CreditCode(int n)
    {
        var first17 = $"91310101{n:D9}";
        return first17 + Domain.Applicants.Identity.UnifiedSocialCreditCode.CheckCharacter(first17);
    }
}
