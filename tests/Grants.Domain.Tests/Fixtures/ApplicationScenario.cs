using Grants.Domain.Applicants;
using Grants.Domain.Applications;
using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Fixtures;

/// <summary>Given/when/then over the application decider. "Given" steps run real commands (each must succeed), so a
/// history is always one the decider could have produced.</summary>
public sealed class ApplicationScenario
{
    private readonly List<IDomainEvent> _history = [];

    public ApplicationScenario(ApplicantState applicant, PolicyCatalog? catalog = null) =>
        Context = new ApplicationContext(catalog ?? TestCatalog.Current, applicant);

    public ApplicationContext Context { get; private set; }

    public IReadOnlyList<IDomainEvent> History => _history;

    public ApplicationState State => ApplicationDecider.Fold(_history);

    public static ApplicationScenario For(ApplicantState applicant, PolicyCatalog? catalog = null) => new(applicant, catalog);

    /// <summary>Submitted, eligible and assessed with the given recommendation.</summary>
    public static ApplicationScenario Assessed(MeasureId measure, Money amount, ApplicantState? applicant = null, string? tier = null) =>
        For(applicant ?? TestApplicants.Fintech)
            .Given(Commands.Submit(measure, amount, (applicant ?? TestApplicants.Fintech).Id, tier))
            .Given(Commands.ConfirmEligibility())
            .Given(Commands.Assess(amount));

    /// <summary>Approved for <paramref name="amount"/> by a single approver of the paying bureau.</summary>
    public static ApplicationScenario Approved(MeasureId measure, Money amount, ApplicantState? applicant = null, BureauCode? bureau = null,
        string? tier = null) =>
        Assessed(measure, amount, applicant, tier).Given(Commands.Approve(amount, bureau: bureau));

    /// <summary>Approved and paid in full in tranche 1.</summary>
    public static ApplicationScenario Paid(MeasureId measure, Money amount, ApplicantState? applicant = null) =>
        Approved(measure, amount, applicant).Given(Commands.Instruct(1, amount)).Given(Commands.ConfirmPayment(1));

    public ApplicationScenario Given(IApplicationCommand command)
    {
        var result = When(command);
        if (result is not Result.Ok ok)
            throw new InvalidOperationException($"Given step {command.GetType().Name} failed: {result.ErrorOrNull}");
        _history.AddRange(ok.Events);
        return this;
    }

    public ApplicationScenario WithContext(Func<ApplicationContext, ApplicationContext> change)
    {
        Context = change(Context);
        return this;
    }

    public Result When(IApplicationCommand command) => ApplicationDecider.Decide(command, State, Context);
}
