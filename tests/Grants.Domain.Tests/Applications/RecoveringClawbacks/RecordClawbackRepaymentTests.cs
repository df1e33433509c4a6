using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.RecoveringClawbacks;

public sealed class RecordClawbackRepaymentTests
{
    private static ApplicationScenario Ordered100() =>
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)));

    [Fact]
    public void Given_an_open_clawback_When_the_beneficiary_repays_part_Then_a_repaid_recovery_is_recorded()
    {
        var e = Ordered100().When(Commands.Repay(Money.FromWan(40))).ShouldEmit<ClawbackRecovered>();

        Assert.Equal((RecoveryKind.Repaid, Money.FromWan(40), "BANK-REF-1", (ApplicationId?)null),
            (e.Kind, e.Amount, e.Reference, e.OffsetApplication));
    }

    [Fact]
    public void Given_60_wan_recovered_of_100_When_repaying_50_Then_the_outstanding_refuses_with_its_headroom()
    {
        var error = Ordered100().Given(Commands.Repay(Money.FromWan(60))).When(Commands.Repay(Money.FromWan(50)))
            .ShouldFail(ErrorCodes.RecoveryExceedsOutstanding);

        Assert.Equal("HP-2025-000001 clawback C1 1,000,000.00 yuan: already recovered 600,000.00, requested 500,000.00, " +
                     "headroom 400,000.00", error.Message);
    }

    [Fact]
    public void Given_a_fully_recovered_clawback_When_repaying_again_Then_the_clawback_is_settled()
    {
        Ordered100().Given(Commands.Repay(Money.FromWan(100))).When(Commands.Repay(Money.FromYuan(1))).ShouldFail(ErrorCodes.ClawbackNotOpen);
    }

    [Fact]
    public void Given_no_such_clawback_When_repaying_Then_the_clawback_is_unknown()
    {
        Ordered100().When(Commands.Repay(Money.FromWan(1), "C9")).ShouldFail(ErrorCodes.UnknownClawback);
    }

    [Fact]
    public void Given_an_open_clawback_When_repaying_zero_Then_the_amount_must_be_positive()
    {
        Ordered100().When(Commands.Repay(Money.Zero)).ShouldFail(ErrorCodes.AmountNotPositive);
    }

    [Fact]
    public void Given_an_open_clawback_When_the_bank_reference_is_missing_Then_it_is_required()
    {
        Ordered100().When(Commands.Repay(Money.FromWan(1)) with { PaymentReference = "" }).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_an_open_clawback_When_repaid_before_it_was_ordered_Then_it_is_refused()
    {
        Ordered100().When(Commands.Repay(Money.FromWan(1), on: Dates.D(2025, 5, 31))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
