using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Applications;

internal static class ApplicationTable
{
    public static Table Of(IEnumerable<Application> applications)
    {
        var table = new Table(
            new Column("APPLICATION"), new Column("STATUS"), new Column("MEASURE"), new Column("APPLICANT"),
            new Column("REQUESTED", Align.Right), new Column("AWARDED", Align.Right), new Column("PAID", Align.Right),
            new Column("PAYS"), new Column("SUBMITTED"), new Column("TITLE"));
        foreach (var a in applications)
        {
            table.Add(
                a.ApplicationId,
                EnumNames.Of(a.Status),
                a.MeasureId,
                a.ApplicantId,
                a.HasRequestedAmountFen ? Yuan.Format(a.RequestedAmountFen) : Yuan.None,
                a.Award is { } award ? Yuan.Format(award.CurrentAmountFen) : Yuan.None,
                Yuan.Format(a.PaidFen),
                a.Award?.PayingBureauCode ?? Yuan.None,
                Dates.Of(a.SubmittedAt),
                a.Title);
        }
        return table;
    }
}
