using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>The lifecycle calls that need nothing from earlier answers but the ids. Those that answer with the
/// application return it, so the caller can follow the date the server recorded.</summary>
internal static class DemoCalls
{
    public static async Task<Application> ConfirmEligibility(DemoClients clients, string requestId, string applicationId, Officer assessor, DateOnly on) =>
        (await clients.Assessor.ConfirmEligibilityAsync(new ConfirmEligibilityRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Officer = assessor,
            DecidedOn = Date.FromDateOnly(on),
            Note = "申报主体及材料符合政策条件（演示数据）",
        })).Application;

    public static async Task<Application> RejectEligibility(DemoClients clients, string requestId, string applicationId, Officer assessor, DateOnly on) =>
        (await clients.Assessor.RejectEligibilityAsync(new RejectEligibilityRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Officer = assessor,
            DecidedOn = Date.FromDateOnly(on),
            Reason = "申报项目不属于本条款支持范围（演示数据）",
        })).Application;

    public static async Task<Application> Assess(DemoClients clients, string requestId, string applicationId, Officer assessor, int score, long recommendedFen) =>
        (await clients.Assessor.AssessAsync(new AssessRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Assessor = assessor,
            Score = score,
            RecommendedAmountFen = recommendedFen,
            Conflict = new ConflictDeclaration { HasConflict = false, Statement = "本人与申报单位不存在利益关系（演示数据）" },
            Comment = "项目技术路线清晰，预期效益明确（演示数据）",
        })).Application;

    public static async Task<Application> Withdraw(DemoClients clients, string requestId, string applicationId) =>
        (await clients.Portal.WithdrawAsync(new WithdrawRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Reason = "企业调整项目计划，主动撤回申请（演示数据）",
        })).Application;

    public static async Task<Application> Reject(DemoClients clients, string requestId, string applicationId, Officer approver, DateOnly on) =>
        (await clients.Approver.RejectAsync(new RejectRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Officer = approver,
            DecidedOn = Date.FromDateOnly(on),
            Reason = "经评审，项目创新性不足，不予支持（演示数据）",
        })).Application;

    public static async Task<PaymentHold> Hold(DemoClients clients, string requestId, string applicationId, Officer officer) =>
        (await clients.Payments.HoldPaymentsAsync(new HoldPaymentsRequest
        {
            RequestId = requestId,
            ApplicationId = applicationId,
            Reason = "待企业补充提交完税证明后拨付（演示数据）",
            Officer = officer,
        })).Hold;

    public static Task Flag(DemoClients clients, string requestId, string applicantId, string caseReference, DateOnly on) =>
        clients.CreditRegistry.FlagCreditAsync(new FlagCreditRequest
        {
            RequestId = requestId,
            ApplicantId = applicantId,
            Reason = "列入严重违法失信名单（演示数据）",
            CaseReference = caseReference,
            DecidedOn = Date.FromDateOnly(on),
        }).ResponseAsync;

    public static Task Clear(DemoClients clients, string requestId, string applicantId, string caseReference, DateOnly on) =>
        clients.CreditRegistry.ClearCreditAsync(new ClearCreditRequest
        {
            RequestId = requestId,
            ApplicantId = applicantId,
            Reason = "完成信用修复，移出严重违法失信名单（演示数据）",
            CaseReference = caseReference,
            DecidedOn = Date.FromDateOnly(on),
        }).ResponseAsync;
}
