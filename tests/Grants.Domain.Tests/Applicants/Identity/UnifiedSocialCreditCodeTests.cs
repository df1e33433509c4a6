using Grants.Domain.Applicants.Identity;

namespace Grants.Domain.Tests.Applicants.Identity;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91330100799655058B")] // Alibaba (China) Co., Ltd., public record
    [InlineData("9144030071526726XG")] // Shenzhen Tencent Computer Systems Co., Ltd., public record
    [InlineData("91310101MA1FPX1234")] // synthetic Huangpu code, check character computed
    [InlineData("91110000100005220B")]
    public void Given_a_code_with_a_correct_check_character_When_parsed_Then_it_is_accepted(string code)
    {
        var parsed = UnifiedSocialCreditCode.Parse(code);

        Assert.True(parsed.IsOk);
        Assert.Equal(code, parsed.ValueOrThrow().Value);
    }

    [Fact]
    public void Given_a_lower_case_code_with_spaces_around_When_parsed_Then_it_is_normalised()
    {
        Assert.Equal("9144030071526726XG", UnifiedSocialCreditCode.Parse(" 9144030071526726xg ").ValueOrThrow().Value);
    }

    [Theory]
    [InlineData("91330100799655058C", "check character does not match")]
    [InlineData("91310101MA1FPX1235", "check character does not match")]
    [InlineData("91310000132209451E", "check character does not match")]
    [InlineData("9133010079965505", "must have 18 characters")]
    [InlineData("91330100799655058BX", "must have 18 characters")]
    [InlineData("91330100799655O58B", "may use only")] // the letter O is not in the alphabet
    [InlineData("9133010079965505IB", "may use only")] // nor is I
    [InlineData("", "must have 18 characters")]
    public void Given_an_invalid_code_When_parsed_Then_it_is_refused_with_the_reason(string code, string reason)
    {
        var error = UnifiedSocialCreditCode.Parse(code).ErrorOrNull;

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidCreditCode, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_first_17_characters_whose_weighted_sum_is_a_multiple_of_31_When_computing_the_check_Then_it_is_0()
    {
        // Σ = 0: 31 − 0 = 31, which GB 32100 maps to "0" rather than to a 32nd character.
        Assert.Equal('0', UnifiedSocialCreditCode.CheckCharacter(new string('0', 17)));
    }

    [Fact]
    public void Given_a_weighted_sum_of_3_When_computing_the_check_Then_it_is_the_28th_character_W()
    {
        Assert.Equal('W', UnifiedSocialCreditCode.CheckCharacter("3" + new string('0', 16)));
    }
}
