using Bogus;
using Grants.Domain;
using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.ConfirmingEligibility;
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.History.Applicants;
using Grants.History.Setup;
using Grants.History.Writing;
using Grants.Projections.Applications;

namespace Grants.History.Lifecycle;

/// <summary>One application from submission to where its plan ends: every step is a command decided by the
/// domain's decider on the state folded from the events appended so far, then appended at the version it read.</summary>
public sealed partial class ApplicationRun(Desk desk, AwardMeasure measure, Plan plan, Faker f, ApplicationId id, Calendar calendar)
{
    private readonly string _stream = StreamIds.Application(id);
    private ApplicationState _state = ApplicationState.Initial;
    private long _version;
    private Applicant _applicant = null!;
    private readonly BureauCode _bureau = f.PickRandom(measure.Measure.ResponsibleBureaus.ToList());

    public int Events { get; private set; }

    public async Task Run(CancellationToken ct)
    {
        if ((plan.NewApplicant ? null : desk.Applicants.Reuse(f, measure.EnterpriseKinds)) is { } registered)
        {
            _applicant = registered;
        }
        else
        {
            _applicant = await desk.Applicants.Register(f, f.PickRandom(measure.EnterpriseKinds.ToList()), calendar.Today, shared: !plan.Flag, ct);
            Events++;
        }
        var (title, description) = Phrases.Project(f);
        var requested = Money.Min(measure.Cap, new Money(plan.Amount.Fen / 100 * f.Random.Number(100, 130)));
        await Do(new SubmitApplication(id, _applicant.Enterprise.ApplicantId, measure.Id, requested, null, calendar.Today),
            new StepNote(Title: title, Description: description), ct);

        var clerk = Officer.Assessor(_bureau, f.Random.Number(0, 99));
        switch (plan.Ending)
        {
            case Ending.EligibilityRejected:
                await Do(new RejectEligibility(id, f.PickRandom(Phrases.EligibilityRefusals), calendar.After(3, 20)), clerk.Note(), ct);
                return;
            case Ending.WithdrawnBeforeAssessment:
                await Do(new WithdrawApplication(id, f.PickRandom(Phrases.Withdrawals), calendar.After(1, 15)), null, ct);
                return;
        }

        await Do(new ConfirmEligibility(id, null, calendar.After(3, 20)), clerk.Note(), ct);
        var assessor = Officer.Assessor(_bureau, f.Random.Number(0, 99));
        var score = plan.Ending == Ending.Rejected ? f.Random.Number(35, 59) : f.Random.Number(60, 98);
        await Do(new AssessApplication(id, assessor.Id, score, plan.Amount, new ConflictOfInterestDeclaration(false, null), calendar.After(5, 30)),
            assessor.Note(Phrases.Optional(f, Phrases.AssessmentComments)), ct);

        var (approver, second) = Officer.Approver(_bureau, f.Random.Number(0, 99));
        switch (plan.Ending)
        {
            case Ending.WithdrawnAfterAssessment:
                await Do(new WithdrawApplication(id, f.PickRandom(Phrases.Withdrawals), calendar.After(1, 15)), null, ct);
                return;
            case Ending.Rejected:
                await Do(new RejectApplication(id, approver.Id, approver.Bureau, f.PickRandom(Phrases.Rejections), calendar.After(3, 20)),
                    approver.Note(), ct);
                return;
        }

        await Approve(approver, second, ct);
        await Disburse(ct);
    }

    /// <summary>The budget line is charged in the approval's calendar year; both approvals of a large award are dated
    /// the same day so the line reserved is the line charged.</summary>
    private async Task Approve(Officer approver, Officer second, CancellationToken ct)
    {
        var on = calendar.After(5, 25);
        await desk.Budgets.Reserve(new Domain.Budgets.BudgetKey(measure.PayingBureau, on.Year, measure.Id), plan.Amount, on, ct);
        await Do(new ApproveAward(id, approver.Id, approver.Bureau, plan.Amount, measure.PayingBureau, on),
            approver.Note(Phrases.Optional(f, Phrases.ApprovalComments)), ct);
        if (_state.PendingApproval is not null)
            await Do(new ApproveAward(id, second.Id, second.Bureau, plan.Amount, measure.PayingBureau, on), second.Note(), ct);
    }

    /// <summary>Decides <paramref name="command"/> on the current state and appends its events in one Append (one
    /// request id, the note in its metadata). With <paramref name="closeIfSettled"/> the same append also closes an
    /// award no clawback keeps open, as the API's clawback settlement does.</summary>
    private async Task Do(IApplicationCommand command, StepNote? note, CancellationToken ct, bool closeIfSettled = false)
    {
        var context = new ApplicationContext(desk.Catalog, _applicant.State);
        var events = Decided(ApplicationDecider.Decide(command, _state, context), command).ToList();
        if (closeIfSettled)
        {
            var after = events.Aggregate(_state, ApplicationDecider.Evolve);
            if (!after.Clawbacks.Any(c => c.IsOpen))
                events.AddRange(Decided(ApplicationDecider.Decide(
                    new Domain.Applications.Closing.CloseApplication(id, Phrases.Optional(f, Phrases.Closings), calendar.Today), after, context), command));
        }
        var appended = await desk.Appender.Append(
            [new StreamAppend(_stream, StreamIds.ApplicationType, _version, [.. events])], note?.For(id), ct);
        _version = appended.StreamVersions[_stream];
        _state = events.Aggregate(_state, ApplicationDecider.Evolve);
        Events += events.Count;
    }

    private async Task DoApplicant(IApplicantCommand command, CancellationToken ct)
    {
        var events = Decided(ApplicantDecider.Decide(command, _applicant.State), command);
        var stream = StreamIds.Applicant(_applicant.Enterprise.ApplicantId);
        var appended = await desk.Appender.Append(
            [new StreamAppend(stream, StreamIds.ApplicantType, _applicant.Version, [.. events])], null, ct);
        _applicant.Version = appended.StreamVersions[stream];
        _applicant.State = events.Aggregate(_applicant.State, ApplicantDecider.Evolve);
        Events += events.Count;
    }

    /// <summary>A refusal means the plan asked for something the domain forbids: a bug in the generator, never data.</summary>
    private IReadOnlyList<IDomainEvent> Decided(Result result, object command) => result switch
    {
        Result.Ok ok => ok.Events,
        Result.Fail fail => throw new HistoryRefusedException(id, command.GetType().Name, fail.Error.Message),
        _ => throw new InvalidOperationException(),
    };
}
