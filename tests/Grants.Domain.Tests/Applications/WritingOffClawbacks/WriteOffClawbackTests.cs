using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Applications.WritingOffClawbacks;

public sealed class WriteOffClawbackTests
{
    private static ApplicationScenario Ordered100() =>
        ApplicationScenario.Paid(Art1, Money.FromWan(300)).Given(Commands.OrderClawback(Money.FromWan(100)));

    [Fact]
    public void Given_a_partly_recovered_clawback_When_written_off_Then_the_outstanding_rest_is_written_off()
    {
        var e = Ordered100().Given(Commands.Repay(Money.FromWan(30))).When(Commands.WriteOff()).ShouldEmit<ClawbackWrittenOff>();

        Assert.Equal((new ClawbackId("C1"), Money.FromWan(70), "beneficiary dissolved"), (e.ClawbackId, e.Amount, e.Reason));
    }

    [Fact]
    public void Given_a_written_off_clawback_When_written_off_again_Then_it_is_settled()
    {
        Ordered100().Given(Commands.WriteOff()).When(Commands.WriteOff()).ShouldFail(ErrorCodes.ClawbackNotOpen);
    }

    [Fact]
    public void Given_no_such_clawback_When_writing_off_Then_the_clawback_is_unknown()
    {
        Ordered100().When(Commands.WriteOff("C7")).ShouldFail(ErrorCodes.UnknownClawback);
    }

    [Fact]
    public void Given_an_open_clawback_When_writing_off_without_a_reason_Then_the_reason_is_required()
    {
        Ordered100().When(Commands.WriteOff() with { Reason = "" }).ShouldFail(ErrorCodes.RequiredField);
    }

    [Fact]
    public void Given_an_open_clawback_When_written_off_before_it_was_ordered_Then_it_is_refused()
    {
        Ordered100().When(Commands.WriteOff(on: Dates.D(2025, 5, 1))).ShouldFail(ErrorCodes.DateBeforePreviousStep);
    }
}
