using Grants.Contracts.V1;

namespace Grants.Api.Tests.Lifecycle.Support;

/// <summary>The people in the scenarios, all of 黄浦区投资促进办公室 (HP-IPO) unless named otherwise.</summary>
public static class Officers
{
    public const string Ipo = "HP-IPO";
    public const string Stc = "HP-STC";

    public static Officer Assessor => new() { Id = "ipo.li.assessor", BureauCode = Ipo };
    public static Officer SecondAssessor => new() { Id = "ipo.zhao.assessor", BureauCode = Ipo };
    public static Officer Approver => new() { Id = "ipo.wang.approver", BureauCode = Ipo };
    public static Officer SecondApprover => new() { Id = "ipo.chen.approver", BureauCode = Ipo };
    public static Officer Finance => new() { Id = "ipo.sun.finance", BureauCode = Ipo };
    public static Officer Inspector => new() { Id = "ipo.zhou.inspector", BureauCode = Ipo };

    public static Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
