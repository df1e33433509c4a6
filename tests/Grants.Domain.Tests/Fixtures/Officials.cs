namespace Grants.Domain.Tests.Fixtures;

public static class Officials
{
    public static readonly OfficialId Assessor = new("assessor.li");
    public static readonly OfficialId Approver = new("approver.wang");
    public static readonly OfficialId SecondApprover = new("approver.zhao");
    public static readonly OfficialId Finance = new("finance.chen");
}
