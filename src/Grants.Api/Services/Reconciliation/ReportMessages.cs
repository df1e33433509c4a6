using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Projections.Finance.Reports;

namespace Grants.Api.Services.Reconciliation;

/// <summary>The finance report on the wire.</summary>
public static class ReportMessages
{
    public static GetReportResponse Of(LedgerReport report)
    {
        var response = new GetReportResponse
        {
            Totals = Line(null, report.Totals),
            HistoryPosition = report.Position,
            HistoryRecordedAt = report.RecordedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
            TieOut = new TieOut { Ok = report.TieOut.Ok, EventsRead = report.TieOut.EventsRead },
        };
        response.Lines.AddRange(report.Rows.Select(r => Line(r.Line, r.Figures)));
        response.OpenItems.AddRange(report.OpenItems.Select(ItemMessages.Of));
        response.TieOut.Differences.AddRange(report.TieOut.Differences.Select(d => new Contracts.V1.TieOutDifference
        {
            BureauCode = d.Line.Bureau,
            FiscalYear = d.Line.FiscalYear,
            MeasureId = d.Line.MeasureId,
            Column = d.Column,
            ReportFen = d.Report.Fen,
            EventsFen = d.Events.Fen,
        }));
        return response;
    }

    private static ReportLine Line(BudgetLine? line, ReportFigures f) => new()
    {
        BureauCode = line?.Bureau ?? "",
        FiscalYear = line?.FiscalYear ?? 0,
        MeasureId = line?.MeasureId ?? "",
        AppropriatedFen = f.Appropriated.Fen,
        CommittedFen = f.Committed.Fen,
        InstructedFen = f.Instructed.Fen,
        PaidFen = f.Paid.Fen,
        OutstandingFen = f.Outstanding.Fen,
        RecoveredFen = f.Recovered.Fen,
        ReceivableFen = f.Receivable.Fen,
        AvailableFen = f.Available.Fen,
    };
}
