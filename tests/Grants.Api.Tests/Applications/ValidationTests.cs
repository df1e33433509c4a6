using Grants.Api.Tests.Lifecycle.Support;
using Grants.Contracts.V1;
using static Grants.Api.Tests.Lifecycle.Support.GrantsDesk;

namespace Grants.Api.Tests.Applications;

/// <summary>Bad fields are refused with INVALID_ARGUMENT naming the field, before anything is read or written.</summary>
public sealed class ValidationTests(LifecycleFixture fixture) : IClassFixture<LifecycleFixture>
{
    private readonly GrantsDesk _desk = fixture.Desk;

    public static TheoryData<string, string> Cases => new()
    {
        { "approve a negative amount", "amount_fen" },
        { "approve nothing", "amount_fen" },
        { "approve int64.MaxValue fen", "amount_fen" },
        { "approve on 30 February", "approved_on" },
        { "approve without a date", "approved_on" },
        { "approve for fiscal year 1999", "fiscal_year" },
        { "approve for another fiscal year than the approval's", "fiscal_year" },
        { "approve as an officer id with a space", "approver.id" },
        { "approve without naming the paying bureau", "paying_bureau_code" },
        { "submit a negative request", "requested_amount_fen" },
        { "submit int64.MaxValue fen", "requested_amount_fen" },
        { "submit without a title", "title" },
        { "submit an amount under a non-monetary measure", "requested_amount_fen" },
        { "submit without an amount under a monetary measure", "requested_amount_fen" },
        { "assess with a score of 101", "score" },
        { "assess without a conflict declaration", "conflict" },
        { "instruct to an account with punctuation", "payee_account" },
        { "instruct zero", "amount_fen" },
        { "confirm a payment in month 13", "paid_on" },
        { "confirm a negative payment", "amount_fen" },
        { "order a clawback due before it is ordered", "due_on" },
        { "list an unknown status", "statuses[0]" },
        { "list 201 per page", "page_size" },
        { "list from a forged page token", "page_token" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Given_a_request_with_a_bad_field_When_it_is_sent_Then_it_is_invalid_argument_naming_the_field_and_nothing_is_written(
        string request, string field)
    {
        var applicant = await _desk.RegisterEnterprise();
        var id = (await _desk.Assessed(applicant)).ApplicationId;
        var events = await _desk.EventCount();

        var fields = await Refusals.InvalidFields(() => Send(request, id, applicant));

        Assert.Contains(field, fields);
        Assert.Equal(events, await _desk.EventCount());
    }

    private Task Send(string request, string id, string applicant) => request switch
    {
        "approve a negative amount" => Approve(Approval(id, -1)),
        "approve nothing" => Approve(Approval(id, 0)),
        "approve int64.MaxValue fen" => Approve(Approval(id, long.MaxValue)),
        "approve on 30 February" => Approve(Approval(id, 50_000_000, on: Officers.On(2025, 2, 30))),
        "approve without a date" => Approve(With(Approval(id, 50_000_000), r => r.ApprovedOn = null)),
        "approve for fiscal year 1999" => Approve(With(Approval(id, 50_000_000), r => r.FiscalYear = 1999)),
        "approve for another fiscal year than the approval's" => Approve(With(Approval(id, 50_000_000), r => r.FiscalYear = 2026)),
        "approve as an officer id with a space" => Approve(Approval(id, 50_000_000, new Officer { Id = "wang approver", BureauCode = Officers.Ipo })),
        "approve without naming the paying bureau" => Approve(Approval(id, 50_000_000, paying: "")),
        "submit a negative request" => Submit(applicant, Art1, -5),
        "submit int64.MaxValue fen" => Submit(applicant, Art1, long.MaxValue),
        "submit without a title" => _desk.Portal.SubmitAsync(new SubmitRequest
        {
            RequestId = NewRequestId(), ApplicantId = applicant, MeasureId = Art1, RequestedAmountFen = 1_000_000,
        }).ResponseAsync,
        "submit an amount under a non-monetary measure" => Submit(applicant, Art2, 1_000_000),
        "submit without an amount under a monetary measure" => Submit(applicant, Art1, null),
        "assess with a score of 101" => Assess(id, 101, new ConflictDeclaration { Statement = "none" }),
        "assess without a conflict declaration" => Assess(id, 80, null),
        "instruct to an account with punctuation" => _desk.Treasury.InstructTrancheAsync(
            With(Instruction(id, 1_000_000), r => r.PayeeAccount = "3105-0161-3936")).ResponseAsync,
        "instruct zero" => _desk.Treasury.InstructTrancheAsync(Instruction(id, 0)).ResponseAsync,
        "confirm a payment in month 13" => Confirm(id + "-T1", 1_000_000, new Date { Year = 2025, Month = 13, Day = 1 }),
        "confirm a negative payment" => Confirm(id + "-T1", -1, Officers.On(2025, 6, 6)),
        "order a clawback due before it is ordered" => _desk.Clawbacks.OrderClawbackAsync(new OrderClawbackRequest
        {
            RequestId = NewRequestId(), ApplicationId = id, AmountFen = 1_000_000, Reason = "conditions broken", Officer = Officers.Inspector,
            OrderedOn = Officers.On(2025, 7, 1), DueOn = Officers.On(2025, 6, 1),
        }).ResponseAsync,
        "list an unknown status" => _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { Statuses = { (ApplicationStatus)999 } }).ResponseAsync,
        "list 201 per page" => _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 201 }).ResponseAsync,
        "list from a forged page token" => _desk.Auditors.ListApplicationsAsync(new ListApplicationsRequest { PageToken = "bm90IGEgdG9rZW4" }).ResponseAsync,
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "no such case"),
    };

    private Task Approve(ApproveRequest request) => _desk.Approvers.ApproveAsync(request).ResponseAsync;

    private Task Submit(string applicant, string measure, long? fen) => _desk.Submit(applicant, measure, fen);

    private Task Assess(string id, int score, ConflictDeclaration? conflict) => _desk.Assessors.AssessAsync(new AssessRequest
    {
        RequestId = NewRequestId(), ApplicationId = id, Assessor = Officers.Assessor, Score = score, RecommendedAmountFen = 1_000_000,
        Conflict = conflict,
    }).ResponseAsync;

    private Task Confirm(string reference, long fen, Date paidOn) => _desk.Treasury.ConfirmPaymentAsync(new ConfirmPaymentRequest
    {
        RequestId = NewRequestId(), PaymentReference = reference, AmountFen = fen, PaidOn = paidOn, TreasuryReference = "TR-1",
    }).ResponseAsync;

    private static T With<T>(T request, Action<T> change)
    {
        change(request);
        return request;
    }
}
