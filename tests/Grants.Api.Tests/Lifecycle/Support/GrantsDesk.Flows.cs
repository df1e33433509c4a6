using Grants.Contracts.V1;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>The usual steps of the lifecycle through the API, each with a fresh request_id.</summary>
public sealed partial class GrantsDesk
{
    /// <summary>HP-2024-3 art.1: award to a fintech enterprise, at most 20,000,000 yuan, HP-IPO decides and pays.</summary>
    public const string Art1 = "HP-2024-3/1";

    /// <summary>HP-2024-3 art.2: coordination only, no money.</summary>
    public const string Art2 = "HP-2024-3/2";

    /// <summary>HP-2024-3 art.3: subsidy to a fintech enterprise, at most 100,000,000 yuan, HP-STC pays (HP-IPO also responsible).</summary>
    public const string Art3 = "HP-2024-3/3";

    public static string NewRequestId() => Guid.NewGuid().ToString("N");

    public async Task<Application> Submit(string applicant, string measure = Art1, long? amountFen = 50_000_000)
    {
        var request = new SubmitRequest
        {
            RequestId = NewRequestId(), ApplicantId = applicant, MeasureId = measure, Title = "金融科技集聚区落户奖励",
            Description = "Head office moved to 黄浦区 in 2025.",
        };
        if (amountFen is { } fen)
            request.RequestedAmountFen = fen;
        return (await Portal.SubmitAsync(request)).Application;
    }

    public async Task<Application> Eligible(string applicant, string measure = Art1, long amountFen = 50_000_000)
    {
        var submitted = await Submit(applicant, measure, amountFen);
        return (await Assessors.ConfirmEligibilityAsync(new ConfirmEligibilityRequest
        {
            RequestId = NewRequestId(), ApplicationId = submitted.ApplicationId, Officer = Officers.Assessor,
            DecidedOn = Officers.On(2025, 6, 2), Note = "材料齐全",
        })).Application;
    }

    public async Task<Application> Assessed(string applicant, string measure = Art1, long amountFen = 50_000_000)
    {
        var eligible = await Eligible(applicant, measure, amountFen);
        return (await Assessors.AssessAsync(new AssessRequest
        {
            RequestId = NewRequestId(), ApplicationId = eligible.ApplicationId, Assessor = Officers.Assessor, Score = 86,
            RecommendedAmountFen = amountFen, Comment = "meets art.1",
            Conflict = new ConflictDeclaration { HasConflict = false, Statement = "no relation to the applicant" },
        })).Application;
    }

    public static ApproveRequest Approval(string applicationId, long amountFen, Officer? approver = null, Date? on = null,
                                          string paying = Officers.Ipo) => new()
    {
        RequestId = NewRequestId(), ApplicationId = applicationId, Approver = approver ?? Officers.Approver, AmountFen = amountFen,
        FiscalYear = on?.Year ?? 2025, PayingBureauCode = paying, ApprovedOn = on ?? Officers.On(2025, 6, 3), Comment = "approved",
    };

    public async Task<Application> Approved(string applicant, long amountFen = 50_000_000)
    {
        var assessed = await Assessed(applicant, Art1, amountFen);
        return (await Approvers.ApproveAsync(Approval(assessed.ApplicationId, amountFen))).Application;
    }

    public static InstructTrancheRequest Instruction(string applicationId, long amountFen, Date? on = null) => new()
    {
        RequestId = NewRequestId(), ApplicationId = applicationId, AmountFen = amountFen, PayeeName = "上海测试金融科技有限公司",
        PayeeAccount = "31050161393600001234", Officer = Officers.Finance, InstructedOn = on ?? Officers.On(2025, 6, 5),
    };

    public async Task<Tranche> Paid(string applicationId, long amountFen)
    {
        var tranche = (await Treasury.InstructTrancheAsync(Instruction(applicationId, amountFen))).Tranche;
        return (await Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = NewRequestId(), PaymentReference = tranche.PaymentReference, AmountFen = amountFen,
            PaidOn = Officers.On(2025, 6, 6), TreasuryReference = $"TR-{tranche.PaymentReference}",
        })).Tranche;
    }

    public async Task<Application> Get(string applicationId) =>
        (await Auditors.GetApplicationAsync(new GetApplicationRequest { ApplicationId = applicationId })).Application;
}
