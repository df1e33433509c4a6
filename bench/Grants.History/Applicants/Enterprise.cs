using System.Security.Cryptography;
using System.Text;
using Bogus;
using Grants.Domain;
using Grants.Domain.Applicants.Identity;
using Grants.Domain.Catalog;

namespace Grants.History.Applicants;

/// <summary>A generated enterprise: a valid 统一社会信用代码, a plausible Shanghai name, its district and bank account.</summary>
public sealed record Enterprise(string CreditCode, string Name, ApplicantKind Kind, JurisdictionCode District, string BankAccount)
{
    /// <summary>The server derives an enterprise's applicant id from its credit code; the history does the same, so a
    /// code the server already registered lands on the existing stream and is refused there.</summary>
    public ApplicantId ApplicantId =>
        ApplicantId.From("APL-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"enterprise:{CreditCode}")).AsSpan(0, 8)));

    private static readonly string[] BrandWords =
        ["汇", "融", "智", "信", "数", "链", "云", "恒", "泰", "安", "盈", "华", "鼎", "衡", "瑞", "丰", "元", "启", "睿", "拓", "联", "通", "金", "银"];

    private static readonly Dictionary<ApplicantKind, string[]> Suffixes = new()
    {
        [ApplicantKind.FintechEnterprise] = ["金融科技有限公司", "数据科技有限公司", "信息技术有限公司", "智能科技有限公司", "区块链科技有限公司"],
        [ApplicantKind.FinancialInstitution] = ["证券有限公司", "基金管理有限公司", "保险经纪有限公司", "融资租赁有限公司", "商业保理有限公司"],
        [ApplicantKind.ProfessionalServiceOrganisation] = ["律师事务所", "会计师事务所（特殊普通合伙）", "咨询有限公司", "资产评估有限公司"],
        [ApplicantKind.CarrierOperator] = ["科技园运营管理有限公司", "孵化器管理有限公司", "创新中心运营有限公司"],
    };

    // 黄浦区 310101 and 浦东新区 310115: the catalog's two districts.
    private static readonly (string Jurisdiction, string Division)[] Districts = [("SH-HP", "310101"), ("SH-PD", "310115")];

    /// <param name="writer">Written into the code's body, so two writers never make the same code.</param>
    public static Enterprise Make(Faker f, ApplicantKind kind, int writer)
    {
        var (jurisdiction, division) = f.Random.Double() < 0.85 ? Districts[0] : Districts[1];
        var name = "上海" + f.PickRandom(BrandWords) + f.PickRandom(BrandWords) + f.PickRandom(BrandWords) + f.PickRandom(Suffixes[kind]);
        var body = (writer % 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + f.Random.String2(7, "0123456789");
        var first17 = "91" + division + body + CreditCodes.OrganizationCheck(body);
        var code = first17 + UnifiedSocialCreditCode.CheckCharacter(first17);
        return new Enterprise(code, name, kind, new JurisdictionCode(jurisdiction), f.Random.ReplaceNumbers("6222############"));
    }
}
