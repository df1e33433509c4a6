using Bogus;
using Grants.Cli.Demo;
using Grants.Cli.Demo.Identity;
using Grants.Domain.Applicants.Identity;

namespace Grants.Cli.Tests.Demo;

public sealed class IdentityNumberTests
{
    [Fact]
    public void GivenManyGeneratedCreditCodes_WhenTheDomainParsesThem_ThenAllAreValidHuangpuEnterpriseCodes()
    {
        var random = new Randomizer(7);
        for (var i = 0; i < 2000; i++)
        {
            var code = CreditCodes.Generate(random);

            Assert.True(UnifiedSocialCreditCode.Parse(code).IsOk, code);
            Assert.StartsWith("91310101", code, StringComparison.Ordinal);
            Assert.Equal(CreditCodes.OrganizationCheckCharacter(code.AsSpan(8, 8)), code[16]);
        }
    }

    [Fact]
    public void GivenDistinctNumbers_WhenCodesAreMadeFromThem_ThenEachIsValidAndNoTwoAreEqual()
    {
        var codes = Enumerable.Range(0, 3000).Select(n => CreditCodes.FromNumber(89_999_000 + n)).ToList();

        Assert.All(codes, code => Assert.True(UnifiedSocialCreditCode.Parse(code).IsOk, code));
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("91310101" + "00000042", CreditCodes.FromNumber(42)[..16]);
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditCodes.FromNumber(100_000_000));
    }

    [Theory]
    [InlineData("12345678", '8')]   // 3+14+27+40+25+48+28+16 = 201; 201 mod 11 = 3; 11 - 3 = 8
    [InlineData("D2143569", 'X')]   // 39+14+9+40+15+40+24+18 = 199; 199 mod 11 = 1; 11 - 1 = 10 → X
    [InlineData("00000000", '0')]   // 0 mod 11 = 0; 11 - 0 = 11 → 0
    public void GivenAnOrganisationCode_WhenItsCheckIsComputed_ThenPerGb11714(string first8, char check) =>
        Assert.Equal(check, CreditCodes.OrganizationCheckCharacter(first8));

    [Fact]
    public void GivenTheCheckCharacterAlgorithms_WhenComparedWithTheDomains_ThenTheyAgree()
    {
        var random = new Randomizer(11);
        for (var i = 0; i < 2000; i++)
        {
            var first17 = random.String2(17, CreditCodes.Alphabet);
            Assert.Equal(UnifiedSocialCreditCode.CheckCharacter(first17), CreditCodes.CheckCharacter(first17));
            var digits = random.String2(17, "0123456789");
            Assert.Equal(ResidentIdNumber.CheckCharacter(digits), ResidentIds.CheckCharacter(digits));
        }
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]   // the example of GB 11643-1999
    [InlineData("44052418800101001", '4')]
    public void GivenAKnownResidentIdNumber_WhenItsCheckIsComputed_ThenItMatches(string first17, char check) =>
        Assert.Equal(check, ResidentIds.CheckCharacter(first17));

    [Fact]
    public void GivenManyGeneratedResidentIds_WhenTheDomainValidatesThem_ThenAllAreValidShanghaiNumbers()
    {
        var random = new Randomizer(3);
        for (var i = 0; i < 2000; i++)
        {
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Number(0, 40 * 365));
            var male = random.Bool();

            var number = ResidentIds.Generate(random, birth, male);

            Assert.Null(ResidentIdNumber.Validate(number, "resident_id_number"));
            Assert.Contains(number[..6], ResidentIds.ShanghaiAreas);
            Assert.Equal(birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), number[6..14]);
            Assert.Equal(male, (number[16] - '0') % 2 == 1);
        }
    }

    [Fact]
    public void GivenAGeneratedPerson_WhenPrinted_ThenTheIdNumberIsNotShown()
    {
        var person = DemoFakes.Person(42, 3);

        Assert.DoesNotContain(person.ResidentIdNumber, person.ToString(), StringComparison.Ordinal);
        Assert.Contains(person.FullName, person.ToString(), StringComparison.Ordinal);
    }
}
