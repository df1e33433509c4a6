using Grants.Domain.Budgets;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Budgets.Appropriating;

public sealed class AppropriateTests
{
    private static readonly BudgetKey Line = new(Ipo, 2025, Art1);

    private static Appropriate Appropriate(BudgetKey? key = null, Money? amount = null, string reason = "2025年区级财政预算") =>
        new(key ?? Line, amount ?? Money.FromWan(1000), reason, "黄财预〔2025〕1号", Dates.D(2025, 1, 10));

    private static Result Decide(Appropriate c, BudgetState? state = null) => BudgetDecider.Decide(c, state ?? BudgetState.Initial, Current);

    [Fact]
    public void Given_a_new_budget_line_When_appropriating_Then_the_appropriation_is_made()
    {
        var e = Decide(Appropriate()).ShouldEmit<AppropriationMade>();

        Assert.Equal(new AppropriationMade(Line, Money.FromWan(1000), "2025年区级财政预算", "黄财预〔2025〕1号", Dates.D(2025, 1, 10)), e);
        Assert.Equal("budget-HP-IPO-2025-HP-2024-3/1", Line.StreamId);
    }

    [Fact]
    public void Given_an_appropriated_line_When_appropriating_more_Then_it_adds_up()
    {
        var state = BudgetDecider.Fold(Decide(Appropriate()).EventsOrEmpty);

        var e = Decide(Appropriate(amount: Money.FromWan(500)), state).ShouldEmit<AppropriationMade>();

        Assert.Equal(Money.FromWan(1500), BudgetDecider.Evolve(state, e).Appropriated);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void Given_a_budget_line_When_appropriating_nothing_or_less_Then_the_amount_must_be_positive(long fen)
    {
        Decide(Appropriate(amount: new Money(fen))).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_a_measure_not_in_the_catalog_When_appropriating_Then_it_is_refused()
    {
        Decide(Appropriate(new BudgetKey(Ipo, 2025, MeasureId.Of(PolicyHp, "99")))).ShouldFail(ErrorCodes.UnknownMeasure);
    }

    [Fact]
    public void Given_a_non_monetary_measure_When_appropriating_Then_no_money_is_allowed()
    {
        Decide(Appropriate(new BudgetKey(Construction, 2025, Art5))).ShouldFail(ErrorCodes.AmountNotAllowed);
    }

    [Fact]
    public void Given_a_bureau_not_responsible_for_the_measure_When_appropriating_Then_it_is_refused()
    {
        Decide(Appropriate(new BudgetKey(Stc, 2025, Art1))).ShouldFail(ErrorCodes.BureauNotResponsible);
    }

    [Theory]
    [InlineData(2024)]
    [InlineData(2028)]
    public void Given_a_fiscal_year_outside_the_policy_When_appropriating_Then_it_is_refused(int year)
    {
        Decide(Appropriate(new BudgetKey(Ipo, year, Art1))).ShouldFail(ErrorCodes.InvalidFiscalYear);
    }

    [Fact]
    public void Given_a_budget_line_When_the_reason_is_missing_Then_it_is_required()
    {
        Decide(Appropriate(reason: "")).ShouldFail(ErrorCodes.RequiredField);
    }
}
