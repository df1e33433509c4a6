using Grants.Domain;
using Grants.Domain.Budgets;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Grants.Projections.Tests.Support;
using Grants.Testing;

namespace Grants.Projections.Tests.NonMonetary;

/// <summary>Art.21 (coordination, no money) is approved with no amount: the ledgers still show the award, at zero, on
/// the approving bureau's line, exactly as LedgerBook does, and nothing needs appropriating.</summary>
public sealed class NonMonetaryAwardLedgerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly MeasureId Art21 = new("HP-2024-3/21");

    [Fact]
    public async Task Given_no_appropriation_When_an_art21_application_is_approved_without_amount_Then_zero_rows_appear_and_equal_the_replay()
    {
        var world = await LedgerDatabase.Create(fixture);
        var desk = world.Desk;
        var (applicant, id) = (new ApplicantId("ent-21"), Filing.ApplicationNo(21));
        await desk.RegisterEnterprise(applicant, 21);
        await desk.SubmitConfirmAssess(id, applicant, Art21, Money.Zero);

        await desk.File(Filing.Approval(id, Money.Zero));

        var book = await SqlLedgers.Book(world.Db);
        Assert.Equal(BudgetLedger.Empty, Assert.Single(book.Budgets, b => b.Key == new BudgetKey(Lines.Ipo, 2025, Art21)).Value);
        Assert.Equal(new BeneficiaryLedger(Money.Zero, Money.Zero, null), book.Beneficiary(new BeneficiaryKey(Art21, Parties.CreditCode(21))));
        Assert.Equal(0, Assert.Single(await SqlLedgers.Awards(world.Db)).CurrentFen);
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
    }
}
