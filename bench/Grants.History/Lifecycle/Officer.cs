using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.Projections.Applications;

namespace Grants.History.Lifecycle;

/// <summary>A bureau's staff, split by duty so separation of duties always holds: assessors never approve, and
/// finance staff (who instruct payments and order clawbacks) never approved the award.</summary>
public sealed record Officer(OfficialId Id, BureauCode Bureau)
{
    private static readonly string[] Assessors = ["zhang.wei", "wang.fang", "li.na", "sun.yu"];
    private static readonly string[] Approvers = ["liu.yang", "chen.jing", "yang.lei", "zhao.min"];
    private static readonly string[] FinanceStaff = ["huang.qiang", "zhou.li", "wu.hao"];

    public static Officer Assessor(BureauCode bureau, int pick) => Of(bureau, Assessors, pick);

    /// <summary>The first and a second, different approver (the second only for awards at or above the threshold).</summary>
    public static (Officer First, Officer Second) Approver(BureauCode bureau, int pick) =>
        (Of(bureau, Approvers, pick), Of(bureau, Approvers, pick + 1));

    public static Officer Finance(BureauCode bureau, int pick) => Of(bureau, FinanceStaff, pick);

    /// <summary>This officer's step note, as the API files it.</summary>
    public StepNote Note(string? comment = null) => StepNote.By(Id, Bureau, comment);

    // "hp-stc.zhang.wei": the OfficialId alphabet is letters, digits and ._:@-.
    private static Officer Of(BureauCode bureau, string[] names, int pick) =>
        new(OfficialId.From($"{bureau.Value.ToLowerInvariant()}.{names[pick % names.Length]}"), bureau);
}
