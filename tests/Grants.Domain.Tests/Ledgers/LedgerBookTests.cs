using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Budgets;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Ledgers;
using Grants.Domain.Tests.Fixtures;
using static Grants.Domain.Tests.Fixtures.TestCatalog;

namespace Grants.Domain.Tests.Ledgers;

public sealed class LedgerBookTests
{
    private static readonly BudgetKey Line = new(Ipo, 2025, Art1);

    private static LedgerBook Appropriated(Money amount) =>
        LedgerBook.Empty.Apply(new AppropriationMade(Line, amount, "budget", "doc", Dates.D(2025, 1, 10)));

    [Fact]
    public void Given_an_award_through_its_whole_life_When_folded_Then_every_column_moves_as_documented()
    {
        var scenario = ApplicationScenario.Paid(Art1, Money.FromWan(300))                       // committed 300 → paid 300
            .Given(Commands.Amend(Money.FromWan(400)))                                           // committed +100
            .Given(Commands.Instruct(2, Money.FromWan(100), Dates.Later))                        // nothing
            .Given(Commands.ConfirmPayment(2, Dates.Later))                                      // committed 100 → paid
            .Given(Commands.OrderClawback(Money.FromWan(50), on: Dates.Later))                   // nothing
            .Given(Commands.Repay(Money.FromWan(20), on: Dates.Later))                           // recovered 20
            .Given(Commands.WriteOff(on: Dates.Later))                                           // nothing
            .Given(Commands.Return(1, Dates.Later));                                             // paid → committed 300

        var book = LedgerBook.Replay(scenario.History.Prepend(
            new AppropriationMade(Line, Money.FromWan(1000), "budget", "doc", Dates.D(2025, 1, 10))));

        Assert.Equal(new BudgetLedger(Money.FromWan(1000), Money.FromWan(300), Money.FromWan(100), Money.FromWan(20)), book.Budget(Line));
        Assert.Equal(Money.FromWan(600), book.Budget(Line).Available);
        var beneficiary = book.Beneficiary(new BeneficiaryKey(Art1, TestApplicants.FintechCreditCode));
        Assert.Equal(new BeneficiaryLedger(Money.FromWan(400), Money.FromWan(100), null), beneficiary);
    }

    [Fact]
    public void Given_an_appropriation_When_adjusted_down_Then_appropriated_falls_by_the_delta()
    {
        var book = Appropriated(Money.FromWan(1000))
            .Apply(new AppropriationAdjusted(Line, -Money.FromWan(300), Money.FromWan(700), "cut", "doc", Dates.D(2025, 7, 1)));

        Assert.Equal(Money.FromWan(700), book.Budget(Line).Appropriated);
    }

    [Fact]
    public void Given_an_offset_recovery_When_folded_Then_it_counts_as_recovered_like_a_repayment()
    {
        var offset = SampleEvents.All.OfType<ClawbackRecovered>().Single();

        var book = LedgerBook.Empty.Apply(offset);

        Assert.Equal(offset.Amount, book.Budget(offset.Ledger.Budget).Recovered);
    }

    [Fact]
    public void Given_a_per_person_award_When_folded_Then_the_beneficiary_row_holds_the_cap_from_the_event()
    {
        var scenario = ApplicationScenario.Approved(Art18, Money.FromWan(70), TestApplicants.Person);

        var row = LedgerBook.Replay(scenario.History).Beneficiary(new BeneficiaryKey(Art18, TestApplicants.Person.BeneficiaryKey));

        Assert.Equal(new BeneficiaryLedger(Money.FromWan(70), Money.Zero, Money.FromWan(100)), row);
        Assert.Equal(Money.FromWan(30), row.Headroom);
    }

    [Fact]
    public void Given_700k_awarded_to_a_person_under_art18_When_checking_400k_more_Then_the_breach_reads_as_in_the_issue()
    {
        var row = new BeneficiaryLedger(Money.FromWan(70), Money.Zero, Money.FromWan(100));

        var breach = row.CheckAward(new BeneficiaryKey(Art18, "hash"), perPerson: true, Money.FromWan(40));

        Assert.Equal("HP-2024-3 art.18 per-person cap 1,000,000.00 yuan: already awarded 700,000.00, requested 400,000.00, " +
                     "headroom 300,000.00", breach!.Describe());
        Assert.Null(row.CheckAward(new BeneficiaryKey(Art18, "hash"), true, Money.FromWan(30)));
    }

    [Fact]
    public void Given_64_approvals_of_300k_yuan_against_10m_When_each_is_checked_then_committed_Then_exactly_33_fit()
    {
        var book = Appropriated(Money.FromYuan(10_000_000));
        var accepted = 0;
        for (var i = 0; i < 64; i++)
        {
            if (book.Budget(Line).CheckCommit(Line, Money.FromYuan(300_000)) is not null)
                continue;
            book = book.Apply(new Domain.Applications.Approving.AwardApproved(ApplicationId.Format("HP", 2025, i), Officials.Approver, null,
                Money.FromYuan(300_000), Dates.Approved, new LedgerKeys(Ipo, 2025, Art1, $"B{i}", null, false)));
            accepted++;
        }

        Assert.Equal(33, accepted);
        Assert.Equal("9,900,000.00", book.Budget(Line).Committed.ToYuanString());
        Assert.Equal("HP-IPO FY2025 HP-2024-3 art.1 appropriation 10,000,000.00 yuan: already committed or paid 9,900,000.00, " +
                     "requested 300,000.00, headroom 100,000.00", book.Budget(Line).CheckCommit(Line, Money.FromYuan(300_000))!.Describe());
    }

    [Fact]
    public void Given_events_that_move_no_money_When_folded_Then_no_row_appears()
    {
        var book = LedgerBook.Replay(ApplicationScenario.Assessed(Art1, Money.FromWan(1)).History);

        Assert.Empty(book.Budgets);
        Assert.Empty(book.Beneficiaries);
    }
}
