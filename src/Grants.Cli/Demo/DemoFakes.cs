using Bogus;
using Grants.Cli.Demo.Identity;
using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

public sealed record DemoEnterprise(string CreditCode, string Name, ApplicantKind Kind, string BankAccount);

/// <summary>A nominated person; the ID number goes only into the registration request and is never printed.</summary>
public sealed record DemoPerson(string FullName, string ResidentIdNumber, string BankAccount)
{
    public override string ToString() => $"DemoPerson {{ FullName = {FullName} }}";
}

public sealed record DemoProject(string Title, string Description);

/// <summary>Bogus (zh_CN) makers of plausible Shanghai fintech applicants and projects. Names are built from
/// word lists because Bogus's zh_CN company names are only surnames.</summary>
public static class DemoFakes
{
    private static readonly string[] BrandWords =
        ["汇", "融", "智", "信", "数", "链", "云", "恒", "泰", "安", "盈", "华", "鼎", "衡", "瑞", "丰", "元", "启", "睿", "拓", "联", "通", "金", "银"];

    private static readonly Dictionary<ApplicantKind, string[]> Suffixes = new()
    {
        [ApplicantKind.FintechEnterprise] = ["金融科技有限公司", "数据科技有限公司", "信息技术有限公司", "智能科技有限公司", "区块链科技有限公司"],
        [ApplicantKind.FinancialInstitution] = ["证券有限公司", "基金管理有限公司", "保险经纪有限公司", "融资租赁有限公司", "商业保理有限公司"],
        [ApplicantKind.ProfessionalServiceOrganisation] = ["律师事务所", "会计师事务所（特殊普通合伙）", "咨询有限公司", "资产评估有限公司"],
        [ApplicantKind.CarrierOperator] = ["科技园运营管理有限公司", "孵化器管理有限公司", "创新中心运营有限公司"],
    };

    private static readonly string[] Topics =
        ["智能投顾", "跨境支付", "供应链金融区块链", "隐私计算", "数字人民币应用", "智能风控", "监管科技", "绿色金融数据",
         "金融大模型", "反洗钱监测", "普惠信贷", "量化交易基础设施", "保险科技理赔", "财富管理中台"];

    private static readonly string[] ProjectKinds = ["平台建设项目", "研发项目", "应用场景试点", "创新实验室", "产业化项目", "示范工程"];

    public static DemoEnterprise Enterprise(int seed, int index)
    {
        var f = Faker(Seeds.For(seed, Seeds.Enterprise, index));
        var kind = f.Random.WeightedRandom(
            [ApplicantKind.FintechEnterprise, ApplicantKind.FinancialInstitution, ApplicantKind.ProfessionalServiceOrganisation, ApplicantKind.CarrierOperator],
            [0.6f, 0.15f, 0.15f, 0.1f]);
        var name = "上海" + f.PickRandom(BrandWords) + f.PickRandom(BrandWords) + f.PickRandom(Suffixes[kind]);
        return new DemoEnterprise(CreditCodes.Generate(f.Random), name, kind, f.Random.ReplaceNumbers("6222############"));
    }

    public static DemoPerson Person(int seed, int index)
    {
        var f = Faker(Seeds.For(seed, Seeds.Person, index));
        var male = f.Random.Bool();
        var gender = male ? Bogus.DataSets.Name.Gender.Male : Bogus.DataSets.Name.Gender.Female;
        var birth = new DateOnly(1965, 1, 1).AddDays(f.Random.Number(0, 35 * 365));
        var name = f.Name.LastName(gender) + f.Name.FirstName(gender);
        return new DemoPerson(name, ResidentIds.Generate(f.Random, birth, male), f.Random.ReplaceNumbers("6217############"));
    }

    public static DemoProject Project(Faker f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var topic = f.PickRandom(Topics);
        var title = topic + f.PickRandom(ProjectKinds);
        var description = $"围绕{topic}开展技术研发与场景落地，预计服务机构 {f.Random.Number(5, 80)} 家，" +
                          $"新增就业 {f.Random.Number(10, 300)} 人。（演示数据）";
        return new DemoProject(title, description);
    }

    public static Faker Faker(int seed) => new("zh_CN") { Random = new Randomizer(seed) };
}
