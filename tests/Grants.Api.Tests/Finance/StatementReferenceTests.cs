using Grants.Api.Services.Reconciliation;

namespace Grants.Api.Tests.Finance;

public sealed class StatementReferenceTests
{
    [Theory]
    [InlineData("HP-2025-000123-T1", "HP-2025-000123-T1", false, 1)]
    [InlineData("  hp-2025-000123-t12 ", "HP-2025-000123-T12", false, 12)]
    [InlineData("Grant HP-2025-000123-T2, 2nd batch", "HP-2025-000123-T2", false, 2)]
    [InlineData("追回款 HP-2025-000123-C1", "HP-2025-000123-C1", true, 1)]
    [InlineData("PD-2026-000001-C3 repayment", "PD-2026-000001-C3", true, 3)]
    public void GivenRemittanceText_WhenSearched_ThenTheFirstReferenceIsFound(string text, string reference, bool clawback, int number)
    {
        var found = StatementReference.Find(text);

        Assert.NotNull(found);
        Assert.Equal((reference, clawback, number), (found.Text, found.IsClawback, found.Number));
        Assert.Equal(reference[..14], found.Application.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("BANK SERVICE FEE")]
    [InlineData("HP-2025-000123")]
    [InlineData("HP-2025-000123-T0")]
    [InlineData("HP-2025-000123-X1")]
    [InlineData("ABCDE-2025-000123-T1")]
    [InlineData("7HP-2025-000123-T1")]
    [InlineData("HP-2025-0001234-T1")]
    public void GivenTextWithoutAReference_WhenSearched_ThenNothingIsFound(string text)
    {
        Assert.Null(StatementReference.Find(text));
    }

    [Theory]
    [InlineData("6222 0735 8692 2337", "************2337")]
    [InlineData("6222073586922337", "************2337")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    public void GivenAnAccount_WhenMasked_ThenOnlyTheLastFourCharactersShow(string account, string masked)
    {
        Assert.Equal(masked, Accounts.Mask(account));
    }

    [Fact]
    public void GivenTheSameAccountGroupedDifferently_WhenCompared_ThenItIsTheSame()
    {
        Assert.True(Accounts.Same("6222 0735 8692 2337", "6222073586922337"));
        Assert.False(Accounts.Same("6222073586922337", "6222073586922338"));
    }
}
