using Grants.Api.Commands;
using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Projections.Finance.Instructions;
using Grants.Projections.Finance.Statements;
using Npgsql;

namespace Grants.Api.Services.Reconciliation;

/// <summary>Matches one statement line by its reference against the application's current state and decides what it
/// is (docs/FINANCE.md, "Matching rules"). Every change goes through the application decider, so a payment is only
/// confirmed if the award's own rules allow it; the line's bank transaction id becomes the treasury reference.</summary>
public sealed class LineMatcher(StreamLoader loader, CatalogState catalogState, NpgsqlDataSource dataSource)
{
    public async Task<LinePlan> Plan(StatementLine line, CancellationToken ct)
    {
        var plan = new PlanBuilder(line);
        if (StatementReference.Find(line.Reference) is not { } reference)
            return plan.Item(LineKind.UnknownReference, "no payment or clawback reference in the remittance text");

        var application = await Load(reference.Application, ct);
        if (!application.State.Exists)
            return plan.Item(LineKind.UnknownReference, $"no application {reference.Application}", reference);
        plan.About(reference, application);
        if (application.State.Award is { } award)
            plan.OnLine(award.Ledger);

        return (reference.IsClawback, line.Direction) switch
        {
            (false, StatementDirection.Debit) => await Payment(plan, reference, application, ct),
            (false, StatementDirection.Credit) => await Return(plan, reference, application, ct),
            (true, StatementDirection.Credit) => await Repayment(plan, reference, application, ct),
            _ => plan.Item(LineKind.UnknownReference, $"{reference.Text} is a clawback: nothing is paid out against it"),
        };
    }

    private async Task<LinePlan> Payment(PlanBuilder plan, StatementReference reference, ConsultedApplication application, CancellationToken ct)
    {
        var line = plan.Line;
        if (application.State.FindTranche(reference.Text) is not { } tranche || await Instruction(reference.Text, ct) is not { } instruction)
            return plan.Item(LineKind.UnknownReference, $"application {reference.Application} has no tranche {reference.Text}");
        plan.OnLine(instruction);
        switch (tranche.Status)
        {
            case TrancheStatus.Confirmed:
                return plan.Item(LineKind.DuplicatePayment,
                    $"{reference.Text} was already paid on {Iso(instruction.PaidOn)} (bank transaction {instruction.TreasuryReference})",
                    instruction.Payable);
            case TrancheStatus.Returned:
                return plan.Item(LineKind.DuplicatePayment,
                    $"{reference.Text} was paid and returned on {Iso(instruction.ReturnedOn)}; a new tranche pays the award again",
                    instruction.Payable);
        }
        if (!Accounts.Same(line.CounterpartyAccount, instruction.PayeeAccount))
            return plan.Item(LineKind.WrongAccount,
                $"paid to account {Accounts.Mask(line.CounterpartyAccount)}, instructed to {Accounts.Mask(instruction.PayeeAccount)}",
                instruction.Payable);
        if (line.Amount != instruction.Payable)
            return plan.Item(LineKind.AmountMismatch,
                $"paid {Yuan(line.Amount)}, payable {Yuan(instruction.Payable)} (instructed {Yuan(instruction.Amount)} less {Yuan(instruction.Offset)} offset)",
                instruction.Payable);

        var decided = await Decide(application, new ConfirmPayment(application.Id, reference.Text, line.BankTransactionId, line.ValueDate), ct);
        return decided.ErrorOrNull is { } error
            ? plan.Item(LineKind.Refused, error.Message, instruction.Payable)
            : plan.Applied(LineKind.Confirmed, false, $"confirmed payment of {Yuan(line.Amount)}", decided.EventsOrEmpty.Single(),
                instruction.Payable, payable: instruction.Payable);
    }

    private async Task<LinePlan> Return(PlanBuilder plan, StatementReference reference, ConsultedApplication application, CancellationToken ct)
    {
        var line = plan.Line;
        if (application.State.FindTranche(reference.Text) is not { } tranche || await Instruction(reference.Text, ct) is not { } instruction)
            return plan.Item(LineKind.UnknownReference, $"application {reference.Application} has no tranche {reference.Text}");
        plan.OnLine(instruction);
        switch (tranche.Status)
        {
            case TrancheStatus.Instructed:
                return plan.Item(LineKind.UnknownReference, $"{reference.Text} is not paid yet: nothing of it can come back", instruction.Payable);
            case TrancheStatus.Returned:
                return plan.Item(LineKind.DuplicatePayment, $"{reference.Text} already came back on {Iso(instruction.ReturnedOn)}", instruction.Payable);
        }
        // The ledgers move whole tranches back; a partial return is for an officer to sort out with the bank.
        if (line.Amount != instruction.Payable)
            return plan.Item(LineKind.AmountMismatch,
                $"returned {Yuan(line.Amount)}, but {Yuan(instruction.Payable)} was paid on {reference.Text}", instruction.Payable);

        var reason = $"returned by the bank: transaction {line.BankTransactionId}, statement {line.StatementName} line {line.LineNumber}";
        var decided = await Decide(application, new RecordPaymentReturn(application.Id, reference.Text, reason, line.ValueDate), ct);
        return decided.ErrorOrNull is { } error
            ? plan.Item(LineKind.Refused, error.Message, instruction.Payable)
            : plan.Applied(LineKind.ReturnedPayment, true,
                $"recorded {reference.Text} as returned; instruct a new tranche to pay the award again", decided.EventsOrEmpty.Single(),
                instruction.Payable, payable: instruction.Payable);
    }

    private async Task<LinePlan> Repayment(PlanBuilder plan, StatementReference reference, ConsultedApplication application, CancellationToken ct)
    {
        var line = plan.Line;
        if (application.State.FindClawback(new ClawbackId(reference.Text)) is not { } clawback)
            return plan.Item(LineKind.UnknownReference, $"application {reference.Application} has no clawback {reference.Text}");

        var command = new RecordClawbackRepayment(application.Id, clawback.Id, line.Amount, line.BankTransactionId, line.ValueDate);
        var decided = await Decide(application, command, ct);
        return decided.ErrorOrNull switch
        {
            null => plan.Applied(LineKind.ClawbackRepayment, false,
                $"recovered {Yuan(line.Amount)} of clawback {reference.Text}; {Yuan(clawback.Outstanding - line.Amount)} still outstanding",
                decided.EventsOrEmpty.Single(), clawback.Outstanding),
            { Code: ErrorCodes.RecoveryExceedsOutstanding } => plan.Item(LineKind.AmountMismatch,
                $"repaid {Yuan(line.Amount)}, but only {Yuan(clawback.Outstanding)} is outstanding on {reference.Text}", clawback.Outstanding),
            var error => plan.Item(LineKind.Refused, error.Message, clawback.Outstanding),
        };
    }

    private async Task<ConsultedApplication> Load(ApplicationId id, CancellationToken ct)
    {
        var spec = Streams.Application(id);
        var (state, version) = await loader.Load(spec.Id, spec.Initial, spec.Evolve, ct);
        return new ConsultedApplication(id, state, version);
    }

    private async Task<Result> Decide(ConsultedApplication application, IApplicationCommand command, CancellationToken ct)
    {
        var catalog = await catalogState.Current(ct);
        var applicant = Streams.Applicant(application.State.ApplicantId!);
        var (applicantState, _) = await loader.Load(applicant.Id, applicant.Initial, applicant.Evolve, ct);
        return ApplicationDecider.Decide(command, application.State, new ApplicationContext(catalog, applicantState));
    }

    private async Task<InstructionRow?> Instruction(string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await InstructionQueries.Find(connection, null, reference, ct);
    }

    private static string Yuan(Money amount) => $"{amount.ToYuanString()} yuan";

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "an unknown date";
}
