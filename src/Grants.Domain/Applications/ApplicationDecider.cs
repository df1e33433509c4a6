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

namespace Grants.Domain.Applications;

/// <summary>Decider of the application stream ("application-{id}"). Each behaviour's decision lives in its own folder
/// next to its command and events; the state transitions are in ApplicationDecider.Evolve.cs.</summary>
public static partial class ApplicationDecider
{
    public static Result Decide(IApplicationCommand command, ApplicationState state, ApplicationContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (command is SubmitApplication submit)
            return Submit(submit, state, context);

        var (subject, error) = Subject.Of(command.ApplicationId, state, context);
        if (subject is null)
            return error!;
        return command switch
        {
            WithdrawApplication c => Withdraw(c, subject),
            ConfirmEligibility c => ConfirmEligibility(c, subject),
            RejectEligibility c => RejectEligibility(c, subject),
            AssessApplication c => Assess(c, subject),
            ApproveAward c => Approve(c, subject),
            RejectApplication c => Reject(c, subject),
            AmendAward c => Amend(c, subject),
            HoldPayments c => Hold(c, subject),
            ReleasePayments c => Release(c, subject),
            InstructTranche c => InstructTranche(c, subject),
            ConfirmPayment c => ConfirmPayment(c, subject),
            RecordPaymentReturn c => RecordReturn(c, subject),
            OrderClawback c => OrderClawback(c, subject),
            RecordClawbackRepayment c => RecordRepayment(c, subject),
            OffsetClawback c => Offset(c, subject),
            WriteOffClawback c => WriteOff(c, subject),
            CloseApplication c => Close(c, subject),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not an application command"),
        };
    }

    public static ApplicationState Fold(IEnumerable<IDomainEvent> events) => events.Aggregate(ApplicationState.Initial, Evolve);
}
