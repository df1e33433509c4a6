using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>Takes one demo case through the API: registers its applicant, submits, then makes each call of its
/// path. Some calls carry no date (the server records its own today, e.g. an assessment) and the steps before
/// approval may not be dated before the previous one, so each decision is dated the day the server recorded for
/// the latest step: never in the future, never out of order, and the same on a replay, which returns the answers
/// first recorded.</summary>
internal sealed class DemoLifecycle(DemoClients clients, DemoBudgets budgets, RequestIds ids, DemoCase c)
{
    private string _applicantId = "";
    private string _applicationId = "";
    private DateOnly _on;
    private long _award;
    private long _instructed;
    private long _paid;
    private bool _secondApprovalRequired;
    private Tranche? _lastTranche;
    private Clawback? _clawback;

    /// <summary>The step being made, for messages when the server refuses one.</summary>
    public string CurrentStep { get; private set; } = "register";

    public async Task<string> Run()
    {
        _applicantId = await Register();
        CurrentStep = "submit";
        var submitted = await Submit();
        _applicationId = submitted.ApplicationId;
        _on = Dates.DateIn(submitted.SubmittedAt);
        _award = c.AwardFen;
        var position = 0;
        foreach (var step in c.Steps)
        {
            position++;
            CurrentStep = EnumNames.Of(step);
            await Do(step, position, _on);
        }
        return _applicationId;
    }

    private void Recorded(Google.Protobuf.WellKnownTypes.Timestamp? at)
    {
        if (at is not null && Dates.DateIn(at) > _on)
            _on = Dates.DateIn(at);
    }

    private async Task Recorded(Task<Application> call) => Recorded((await call).UpdatedAt);

    private async Task<string> Register()
    {
        var enterprise = await clients.Registration.RegisterEnterpriseAsync(new RegisterEnterpriseRequest
        {
            RequestId = ids.Enterprise(c.Index),
            UnifiedSocialCreditCode = c.Enterprise.CreditCode,
            Name = c.Enterprise.Name,
            Kind = c.Enterprise.Kind,
            DistrictCode = "SH-HP",
        });
        if (c.Person is not { } person)
            return enterprise.Applicant.ApplicantId;
        CurrentStep = "register person";
        var registered = await clients.Registration.RegisterPersonAsync(new RegisterPersonRequest
        {
            RequestId = ids.Person(c.Index),
            EmployerApplicantId = enterprise.Applicant.ApplicantId,
            FullName = person.FullName,
            ResidentIdNumber = person.ResidentIdNumber,
        });
        return registered.Applicant.ApplicantId;
    }

    private async Task<Application> Submit() =>
        (await clients.Portal.SubmitAsync(new SubmitRequest
        {
            RequestId = ids.Application(c.Index, "submit"),
            ApplicantId = _applicantId,
            MeasureId = c.Measure.Id,
            Title = c.Project.Title,
            Description = c.Project.Description,
            RequestedAmountFen = c.RequestedFen,
        })).Application;

    private Task Do(DemoStep step, int position, DateOnly on)
    {
        var requestId = ids.Step(c.Index, position, step);
        return step switch
        {
            DemoStep.ConfirmEligibility => Recorded(DemoCalls.ConfirmEligibility(clients, requestId, _applicationId, Assessor, on)),
            DemoStep.RejectEligibility => Recorded(DemoCalls.RejectEligibility(clients, requestId, _applicationId, Assessor, on)),
            DemoStep.Assess => Recorded(DemoCalls.Assess(clients, requestId, _applicationId, Assessor, c.Score, c.RequestedFen)),
            DemoStep.Withdraw => Recorded(DemoCalls.Withdraw(clients, requestId, _applicationId)),
            DemoStep.Reject => Recorded(DemoCalls.Reject(clients, requestId, _applicationId, FirstApprover, on)),
            DemoStep.Approve => ApproveFully(requestId, on),
            DemoStep.FirstApproval => Approve(requestId, FirstApprover, on),
            // The second approval is dated like the first, so both name the same fiscal year.
            DemoStep.SecondApproval => _secondApprovalRequired ? Approve(requestId, SecondApprover, on) : Task.CompletedTask,
            DemoStep.AmendDown => Amend(requestId, on),
            DemoStep.Hold => Hold(requestId),
            DemoStep.InstructHalf => Instruct(requestId, _award / 2, on),
            DemoStep.InstructRest => Instruct(requestId, _award - _instructed, on),
            DemoStep.ConfirmLast => Confirm(requestId, position, on),
            DemoStep.ReturnLast => Return(requestId, on),
            DemoStep.OrderClawback => Order(requestId, on),
            DemoStep.RecoverAll => Recover(requestId, _clawback!.OutstandingFen, position, on),
            DemoStep.RecoverHalf => Recover(requestId, _clawback!.OutstandingFen / 2, position, on),
            DemoStep.WriteOff => WriteOff(requestId, on),
            DemoStep.FlagCredit => DemoCalls.Flag(clients, requestId, _applicantId, ids.Reference("SX", c.Index, position), on),
            DemoStep.ClearCredit => DemoCalls.Clear(clients, requestId, _applicantId, ids.Reference("XF", c.Index, position), on),
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    private Officer Assessor => new() { Id = c.Assessor, BureauCode = c.DecidingBureau };
    private Officer FirstApprover => new() { Id = c.FirstApprover, BureauCode = c.DecidingBureau };
    private Officer SecondApprover => new() { Id = c.SecondApprover, BureauCode = c.DecidingBureau };
    private Officer FinanceOfficer => new() { Id = c.FinanceOfficer, BureauCode = c.Measure.PayingBureau };

    private async Task Hold(string requestId) =>
        Recorded((await DemoCalls.Hold(clients, requestId, _applicationId, FinanceOfficer)).ChangedAt);

    // The fiscal year is the approval date's calendar year; the ledger is funded before the award commits to it.
    // A server configured with a lower two-approver threshold wants a second approver for an ordinary award too.
    private async Task ApproveFully(string requestId, DateOnly on)
    {
        await Approve(requestId, FirstApprover, on);
        if (_secondApprovalRequired)
            await Approve(requestId + "-second", SecondApprover, on);
    }

    private async Task Approve(string requestId, Officer approver, DateOnly on)
    {
        await budgets.Fund(c, on.Year, on);
        var response = await clients.Approver.ApproveAsync(new ApproveRequest
        {
            RequestId = requestId,
            ApplicationId = _applicationId,
            Approver = approver,
            AmountFen = c.AwardFen,
            FiscalYear = on.Year,
            PayingBureauCode = c.Measure.PayingBureau,
            ApprovedOn = Date.FromDateOnly(on),
            Comment = "经集体研究，同意给予支持（演示数据）",
        });
        _secondApprovalRequired = response.SecondApprovalRequired;
        Recorded(response.Application.UpdatedAt);
    }

    private async Task Amend(string requestId, DateOnly on)
    {
        if (c.AmendedFen >= _award)
            return;
        var response = await clients.Approver.AmendAwardAsync(new AmendAwardRequest
        {
            RequestId = requestId,
            ApplicationId = _applicationId,
            Officer = FirstApprover,
            NewAmountFen = c.AmendedFen,
            Reason = "项目实际投入低于申报预算，按实际投入核减奖励金额（演示数据）",
            AmendedOn = Date.FromDateOnly(on),
        });
        Recorded(response.Application.UpdatedAt);
        _award = c.AmendedFen;
    }

    private async Task Instruct(string requestId, long amountFen, DateOnly on)
    {
        _lastTranche = (await clients.Payments.InstructTrancheAsync(new InstructTrancheRequest
        {
            RequestId = requestId,
            ApplicationId = _applicationId,
            AmountFen = amountFen,
            PayeeName = c.PayeeName,
            PayeeAccount = c.PayeeAccount,
            Officer = FinanceOfficer,
            InstructedOn = Date.FromDateOnly(on),
        })).Tranche;
        _instructed += amountFen;
    }

    private async Task Confirm(string requestId, int position, DateOnly on)
    {
        var tranche = _lastTranche!;
        _lastTranche = (await clients.Payments.ConfirmPaymentAsync(new ConfirmPaymentRequest
        {
            RequestId = requestId,
            PaymentReference = tranche.PaymentReference,
            AmountFen = tranche.AmountFen - tranche.OffsetFen,
            PaidOn = Date.FromDateOnly(on),
            TreasuryReference = ids.Reference("PAY", c.Index, position),
        })).Tranche;
        _paid += tranche.AmountFen;
    }

    private async Task Return(string requestId, DateOnly on)
    {
        var tranche = _lastTranche!;
        _lastTranche = (await clients.Payments.RecordReturnAsync(new RecordReturnRequest
        {
            RequestId = requestId,
            PaymentReference = tranche.PaymentReference,
            AmountFen = tranche.AmountFen,
            ReturnedOn = Date.FromDateOnly(on),
            Reason = "收款账户已销户，资金退回（演示数据）",
        })).Tranche;
        _paid -= tranche.AmountFen;
    }

    private async Task Order(string requestId, DateOnly on) =>
        _clawback = (await clients.Clawbacks.OrderClawbackAsync(new OrderClawbackRequest
        {
            RequestId = requestId,
            ApplicationId = _applicationId,
            AmountFen = _paid / 4,
            Reason = "企业迁出黄浦区，未满足政策约定的经营年限要求（演示数据）",
            Officer = FinanceOfficer,
            OrderedOn = Date.FromDateOnly(on),
            DueOn = Date.FromDateOnly(on.AddDays(60)),
        })).Clawback;

    private async Task Recover(string requestId, long amountFen, int position, DateOnly on) =>
        _clawback = (await clients.Clawbacks.RecordRecoveryAsync(new RecordRecoveryRequest
        {
            RequestId = requestId,
            ClawbackId = _clawback!.ClawbackId,
            AmountFen = amountFen,
            ReceivedOn = Date.FromDateOnly(on),
            TreasuryReference = ids.Reference("RCV", c.Index, position),
        })).Clawback;

    private async Task WriteOff(string requestId, DateOnly on) =>
        _clawback = (await clients.Clawbacks.WriteOffAsync(new WriteOffRequest
        {
            RequestId = requestId,
            ClawbackId = _clawback!.ClawbackId,
            Reason = "企业已注销，经追缴无可执行财产（演示数据）",
            Officer = FinanceOfficer,
            WrittenOffOn = Date.FromDateOnly(on),
        })).Clawback;
}
