using Bogus;
using Grants.Domain.Applicants.Identity;

namespace Grants.Projections.Tests.Support;

/// <summary>Valid identifiers for test applicants: 统一社会信用代码 and 居民身份证号码 with correct check characters,
/// a fixed HMAC key (so the same person hashes alike through every employer), and plausible names.</summary>
internal static class Parties
{
    private static readonly PersonalIdHasher Hasher = new([.. Enumerable.Range(1, PersonalIdHasher.MinimumKeyBytes).Select(i => (byte)i)]);

    public static string CreditCode(int n)
    {
        var first17 = $"91310101{n:D9}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    public static string ResidentId(int n)
    {
        var first17 = $"31010119850312{n % 1000:D3}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    public static PersonalIdentity Person(int n) => PersonalIdentity.FromResidentId(ResidentId(n), Hasher).ValueOrThrow();

    public static string CompanyName(int n) => new Faker("zh_CN") { Random = new Randomizer(n) }.Company.CompanyName();

    public static string PersonName(int n) => new Faker("zh_CN") { Random = new Randomizer(n) }.Name.FullName();
}
