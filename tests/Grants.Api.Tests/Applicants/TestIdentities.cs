using Grants.Contracts.V1;
using Grants.Domain.Applicants.Identity;

namespace Grants.Api.Tests.Applicants;

/// <summary>Valid (and deliberately broken) identifiers, with check characters computed by the published rules.</summary>
public static class TestIdentities
{
    private static int _next = Random.Shared.Next(100_000, 900_000);

    /// <summary>A fresh 统一社会信用代码 with a valid GB 32100-2015 check character.</summary>
    public static string CreditCode()
    {
        var first17 = $"91310101MA1{Interlocked.Increment(ref _next):000000}";
        return first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
    }

    /// <summary>A fresh 居民身份证号码 (Huangpu address code, born 1986) with a valid GB 11643 check character.</summary>
    public static string ResidentId()
    {
        var n = Interlocked.Increment(ref _next);
        var first17 = $"310101198603{n % 28 + 1:00}{n % 1000:000}";
        return first17 + ResidentIdNumber.CheckCharacter(first17);
    }

    /// <summary>The same code with a wrong final character.</summary>
    public static string WithWrongCheck(string code, string alphabet)
    {
        var wrong = alphabet.First(c => c != code[^1]);
        return code[..^1] + wrong;
    }

    public static RegisterEnterpriseRequest Enterprise(string? creditCode = null, string district = "SH-HP") => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        UnifiedSocialCreditCode = creditCode ?? CreditCode(),
        Name = "上海示例金融科技有限公司",
        Kind = ApplicantKind.FintechEnterprise,
        DistrictCode = district,
    };

    public static RegisterPersonRequest Person(string employerApplicantId, string residentId) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        EmployerApplicantId = employerApplicantId,
        FullName = "张伟",
        ResidentIdNumber = residentId,
    };
}
