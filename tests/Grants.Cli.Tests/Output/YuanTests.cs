using FsCheck.Xunit;
using Grants.Cli.Output;
using Grants.Domain;

namespace Grants.Cli.Tests.Output;

public sealed class YuanTests
{
    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(99L, "0.99")]
    [InlineData(100L, "1.00")]
    [InlineData(123_456L, "1,234.56")]
    [InlineData(123_456_789L, "1,234,567.89")]
    [InlineData(100_000_000_000_000L, "1,000,000,000,000.00")]
    [InlineData(-5L, "-0.05")]
    [InlineData(-123_456_789L, "-1,234,567.89")]
    [InlineData(long.MaxValue, "92,233,720,368,547,758.07")]
    [InlineData(long.MinValue, "-92,233,720,368,547,758.08")]
    public void GivenFen_WhenFormatted_ThenYuanWithTwoDecimalsAndThousandsSeparators(long fen, string expected) =>
        Assert.Equal(expected, Yuan.Format(fen));

    [Fact]
    public void GivenNoAmount_WhenFormatted_ThenADash() => Assert.Equal("-", Yuan.Format((long?)null));

    [Property(MaxTest = 2000)]
    public bool GivenAnyAmount_WhenFormatted_ThenTheSameAsTheDomainsMoney(long fen) =>
        Yuan.Format(fen) == new Money(fen).ToYuanString();
}
