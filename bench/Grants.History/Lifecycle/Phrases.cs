using Bogus;

namespace Grants.History.Lifecycle;

/// <summary>What officers and applicants write: project titles, comments and reasons, in the registers a Huangpu
/// bureau uses. Only the texts are generated; every decision still goes through the deciders.</summary>
public static class Phrases
{
    private static readonly string[] Topics =
        ["智能投顾", "跨境支付", "供应链金融区块链", "隐私计算", "数字人民币应用", "智能风控", "监管科技", "绿色金融数据",
         "金融大模型", "反洗钱监测", "普惠信贷", "量化交易基础设施", "保险科技理赔", "财富管理中台"];

    private static readonly string[] ProjectKinds = ["平台建设项目", "研发项目", "应用场景试点", "创新实验室", "产业化项目", "示范工程"];

    public static readonly string[] EligibilityRefusals =
        ["注册地不在黄浦区", "申报主体类型不符合本条款", "申报材料不齐全，逾期未补正", "近三年存在重大行政处罚记录"];

    public static readonly string[] Withdrawals = ["企业主动撤回申报", "项目计划调整，暂缓申报", "拟改为申报其他条款"];

    public static readonly string[] Rejections = ["评审得分未达到支持标准", "项目实施内容与政策支持方向不符", "年度资金额度已用于更优先项目"];

    public static readonly string[] AssessmentComments = ["材料完整，建议按评审金额支持", "项目创新性较强", "经专家评审，同意推荐", ""];

    public static readonly string[] ApprovalComments = ["经局务会审议通过", "同意按评审意见给予支持", "已完成公示，无异议", ""];

    public static readonly string[] Amendments = ["项目实际投入低于申报数，按实核减", "经复核补充认定投入，调增奖励", "审计调整"];

    public static readonly string[] Holds = ["审计部门询证中，暂停拨付", "收款账户信息待核实", "项目验收材料待补充"];

    public static readonly string[] Releases = ["询证完毕，恢复拨付", "账户信息已核实", "验收材料已补齐"];

    public static readonly string[] Returns = ["收款账户已销户，资金退回", "户名与账号不符，银行退票"];

    public static readonly string[] Clawbacks = ["项目未按约定实施，按协议追回部分资金", "企业迁出黄浦区，按承诺追回", "重复申报，追回重复部分"];

    public static readonly string[] WriteOffs = ["企业已注销，经批准核销剩余应追回款", "经法院裁定破产，核销未追回部分"];

    public static readonly string[] Closings = ["项目验收通过，资金已全部拨付", "结项归档", ""];

    public static (string Title, string Description) Project(Faker f)
    {
        var topic = f.PickRandom(Topics);
        return (topic + f.PickRandom(ProjectKinds),
            $"围绕{topic}开展技术研发与场景落地，预计服务机构 {f.Random.Number(5, 80)} 家，新增就业 {f.Random.Number(10, 300)} 人。");
    }

    /// <summary>An empty pick means the officer wrote nothing, as often happens.</summary>
    public static string? Optional(Faker f, string[] texts) => f.PickRandom(texts) is { Length: > 0 } text ? text : null;
}
