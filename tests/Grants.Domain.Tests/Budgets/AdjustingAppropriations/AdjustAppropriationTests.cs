using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Budgets.AdjustingAppropriations;

public sealed class AdjustAppropriationTests
{
    private static readonly BudgetKey Line = new(Ipo, 2025, Art1);

    private static readonly BudgetState Appropriated1000 = BudgetDecider.Fold(
        [new AppropriationMade(Line, Money.FromWan(1000), "2025年区级财政预算", "黄财预〔2025〕1号", Dates.D(2025, 1, 10))]);

    private static AdjustAppropriation Adjust(Money delta, string reason = "年中调整") =>
        new(Line, delta, reason, "黄财预〔2025〕9号", Dates.D(2025, 7, 1));

    [Fact]
    public void Given_1000_wan_appropriated_When_cut_by_400_Then_the_adjustment_records_the_delta_and_the_new_total()
    {
        var e = BudgetDecider.Decide(Adjust(-Money.FromWan(400)), Appropriated1000, Current).ShouldEmit<AppropriationAdjusted>();

        Assert.Equal(new AppropriationAdjusted(Line, -Money.FromWan(400), Money.FromWan(600), "年中调整", "黄财预〔2025〕9号",
            Dates.D(2025, 7, 1)), e);
    }

    [Fact]
    public void Given_1000_wan_appropriated_When_raised_by_200_Then_the_new_total_is_1200()
    {
        var e = BudgetDecider.Decide(Adjust(Money.FromWan(200)), Appropriated1000, Current).ShouldEmit<AppropriationAdjusted>();

        Assert.Equal(Money.FromWan(1200), BudgetDecider.Evolve(Appropriated1000, e).Appropriated);
    }

    [Fact]
    public void Given_1000_wan_appropriated_When_cut_to_exactly_zero_Then_it_is_allowed()
    {
        BudgetDecider.Decide(Adjust(-Money.FromWan(1000)), Appropriated1000, Current).ShouldEmit<AppropriationAdjusted>();
    }

    [Fact]
    public void Given_1000_wan_appropriated_When_cut_by_more_Then_it_cannot_go_below_zero()
    {
        var error = BudgetDecider.Decide(Adjust(-Money.FromWan(1001)), Appropriated1000, Current).ShouldFail(ErrorCodes.AppropriationBelowZero);

        Assert.Equal("HP-IPO FY2025 HP-2024-3 art.1 appropriation 10,000,000.00 yuan: already cut 0.00, requested 10,010,000.00, " +
                     "headroom 10,000,000.00", error.Message);
    }

    [Fact]
    public void Given_no_appropriation_When_adjusting_Then_the_budget_is_not_found()
    {
        BudgetDecider.Decide(Adjust(Money.FromWan(1)), BudgetState.Initial, Current).ShouldFail(ErrorCodes.BudgetNotFound);
    }

    [Fact]
    public void Given_an_appropriation_When_adjusting_by_zero_Then_there_is_no_change()
    {
        BudgetDecider.Decide(Adjust(Money.Zero), Appropriated1000, Current).ShouldFail(ErrorCodes.NoChange);
    }

    [Fact]
    public void Given_an_appropriation_When_adjusting_without_a_reason_Then_it_is_required()
    {
        BudgetDecider.Decide(Adjust(Money.FromWan(1), ""), Appropriated1000, Current).ShouldFail(ErrorCodes.RequiredField);
    }
}
