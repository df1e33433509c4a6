namespace Grants.Cli.Demo;

/// <summary>Generated staff of a bureau, split by duty so separation-of-duty rules always hold: assessors never
/// approve, and finance staff (who order clawbacks) never approved the award.</summary>
public static class Officers
{
    private static readonly string[] Assessors = ["zhang.wei", "wang.fang", "li.na"];
    private static readonly string[] Approvers = ["liu.yang", "chen.jing", "yang.lei", "zhao.min"];
    private static readonly string[] FinanceStaff = ["huang.qiang", "zhou.li", "wu.hao"];

    public static string Assessor(string bureau, int pick) => Id(bureau, Assessors, pick);

    /// <summary>Two distinct approvers for one case (the second only matters for large awards).</summary>
    public static (string First, string Second) Approver(string bureau, int pick) =>
        (Id(bureau, Approvers, pick), Id(bureau, Approvers, pick + 1));

    public static string Finance(string bureau, int pick) => Id(bureau, FinanceStaff, pick);

    // Officer ids are 1-64 of letters, digits and ._:@- (the domain's OfficialId), so "hp-stc.zhang.wei".
    private static string Id(string bureau, string[] names, int pick) =>
        $"{bureau.ToLowerInvariant()}.{names[(pick % names.Length + names.Length) % names.Length]}";
}
