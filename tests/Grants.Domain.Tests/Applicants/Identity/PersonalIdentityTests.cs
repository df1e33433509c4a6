using Grants.Domain.Applicants.Identity;
using Grants.Domain.Tests.Fixtures;

namespace Grants.Domain.Tests.Applicants.Identity;

public sealed class PersonalIdentityTests
{
    private static readonly PersonalIdHasher Hasher = TestApplicants.Hasher;

    [Theory]
    [InlineData("11010519491231002X")] // the GB 11643 example: Beijing Chaoyang, 1949-12-31
    [InlineData("310115198507072011")] // synthetic Pudong number, check digit 1
    [InlineData("310101199001011234")] // synthetic Huangpu number, check digit 4
    public void Given_a_valid_resident_id_When_building_an_identity_Then_it_is_hashed_and_masked(string number)
    {
        var identity = PersonalIdentity.FromResidentId(number, Hasher).ValueOrThrow();

        Assert.Equal(PersonalIdScheme.ResidentId, identity.Scheme);
        Assert.Equal(64, identity.Hmac.Length);
        Assert.Equal($"{number[..4]}**********{number[^4..]}", identity.Masked);
        Assert.DoesNotContain(number, identity.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_same_number_with_a_lower_case_x_When_building_identities_Then_they_match()
    {
        var upper = PersonalIdentity.FromResidentId("11010519491231002X", Hasher).ValueOrThrow();
        var lower = PersonalIdentity.FromResidentId(" 11010519491231002x ", Hasher).ValueOrThrow();

        Assert.Equal(upper, lower);
    }

    [Fact]
    public void Given_the_masked_example_When_building_an_identity_Then_it_reads_3101_stars_1234()
    {
        Assert.Equal("3101**********1234", PersonalIdentity.FromResidentId("310101199001011234", Hasher).ValueOrThrow().Masked);
    }

    [Theory]
    [InlineData("310101199001011235", "check character does not match")]
    [InlineData("11010519491231002Y", "is 17 digits and a digit or X")]
    [InlineData("31010119900101123", "must have 18 characters")]
    [InlineData("310101199002301234", "birth date is not a valid date")] // 30 February
    [InlineData("310101189912311234", "birth date is not a valid date")] // before 1900
    [InlineData("010101199001011234", "address code")]
    [InlineData("3101011990010112X4", "is 17 digits and a digit or X")]
    public void Given_an_invalid_resident_id_When_building_an_identity_Then_it_is_refused_with_the_reason(string number, string reason)
    {
        var error = PersonalIdentity.FromResidentId(number, Hasher).ErrorOrNull;

        Assert.NotNull(error);
        Assert.Equal(ErrorCodes.InvalidResidentId, error.Code);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(number, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_passport_and_nationality_When_building_an_identity_Then_it_is_hashed_with_the_nationality_and_masked()
    {
        var identity = PersonalIdentity.FromPassport("e12345678", "sgp", Hasher).ValueOrThrow();

        Assert.Equal((PersonalIdScheme.Passport, "SGP", "E******78"), (identity.Scheme, identity.Nationality, identity.Masked));
        Assert.Equal(Hasher.Hash("SGP:E12345678"), identity.Hmac);
    }

    [Fact]
    public void Given_the_same_passport_number_from_two_countries_When_building_identities_Then_they_are_two_people()
    {
        var sg = PersonalIdentity.FromPassport("E12345678", "SGP", Hasher).ValueOrThrow();
        var gb = PersonalIdentity.FromPassport("E12345678", "GBR", Hasher).ValueOrThrow();

        Assert.NotEqual(sg.Hmac, gb.Hmac);
    }

    [Theory]
    [InlineData("E12345678", "XYZ", ErrorCodes.InvalidNationality)]
    [InlineData("E12345678", "SG", ErrorCodes.InvalidNationality)]
    [InlineData("E12345678", "CHN", ErrorCodes.InvalidNationality)] // Chinese citizens are matched by resident ID
    [InlineData("E12", "SGP", ErrorCodes.InvalidPassport)]
    [InlineData("E1234-5678", "SGP", ErrorCodes.InvalidPassport)]
    [InlineData("E123456789012345678901", "SGP", ErrorCodes.InvalidPassport)]
    public void Given_an_invalid_passport_or_nationality_When_building_an_identity_Then_it_is_refused(string number, string nationality, string code)
    {
        Assert.Equal(code, PersonalIdentity.FromPassport(number, nationality, Hasher).ErrorOrNull?.Code);
    }

    [Fact]
    public void Given_two_hashers_with_different_keys_When_hashing_the_same_number_Then_the_hashes_differ()
    {
        var other = new PersonalIdHasher(Enumerable.Repeat((byte)7, 32).ToArray());

        Assert.NotEqual(Hasher.Hash("310101199001011234"), other.Hash("310101199001011234"));
        Assert.Equal(Hasher.Hash("310101199001011234"), Hasher.Hash("310101199001011234"));
    }

    [Fact]
    public void Given_a_key_shorter_than_32_bytes_When_creating_a_hasher_Then_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new PersonalIdHasher(new byte[16]));
    }

    [Fact]
    public void Given_the_iso_3166_list_When_counted_Then_it_has_the_249_officially_assigned_codes()
    {
        Assert.Equal(249, Nationality.Count);
        Assert.True(Nationality.IsKnown("HKG"));
        Assert.False(Nationality.IsKnown("EUR"));
    }
}
