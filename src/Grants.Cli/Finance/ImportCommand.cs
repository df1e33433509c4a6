using System.CommandLine;
using Grants.Cli.Connection;
using Grants.Cli.Output;
using Grants.Contracts.V1;

namespace Grants.Cli.Finance;

/// <summary>`grants finance import FILE [--name NAME] [--json]`: checks the statement CSV, then streams its lines to
/// ImportStatement. Lines imported before are skipped by the server, so running it again is safe.</summary>
internal static class ImportCommand
{
    public static Command Build(CliContext cli)
    {
        var file = new Argument<string>("file") { Description = "Bank statement CSV (docs/FINANCE.md, \"Statement CSV\")" };
        var name = new Option<string>("--name") { Description = "Statement name recorded with each line (default: the file name)" };
        var json = CliContext.JsonOption();
        var command = new Command("import", "Import a bank statement: confirm exact payments, report every other line as an item")
        {
            file, name, json,
        };
        command.SetAction((parse, ct) => cli.Invoke(parse, ct, async run =>
        {
            var path = run.Get(file);
            var lines = StatementFile.Read(path);
            var client = run.Connection.Client<ReconciliationService.ReconciliationServiceClient>(Roles.Finance);
            using var call = client.ImportStatement();
            await call.RequestStream.WriteAsync(new ImportStatementRequest
            {
                Header = new StatementHeader { RequestId = Guid.NewGuid().ToString("N"), StatementName = run.Get(name) ?? Path.GetFileName(path) },
            }, run.CancellationToken);
            foreach (var line in lines)
                await call.RequestStream.WriteAsync(new ImportStatementRequest { Line = line }, run.CancellationToken);
            await call.RequestStream.CompleteAsync();
            var response = await call;
            if (run.Get(json))
                JsonOutput.Write(run.Out, response);
            else
                Print(run.Out, response);
            return ExitCodes.Ok;
        }));
        return command;
    }

    private static void Print(TextWriter output, ImportStatementResponse r)
    {
        output.WriteLine($"{r.StatementName}: {r.Lines} lines; {r.Confirmed} payments confirmed, {r.Returned} returned, {r.Repaid} clawback " +
                         $"repayments, {r.ItemsOpened} items opened, {r.AlreadyImported} imported before (history position {r.HistoryPosition})");
        var items = r.Outcomes.Where(o => !o.AlreadyImported && o.Kind != ItemKind.Confirmed).ToList();
        if (items.Count == 0)
            return;
        output.WriteLine();
        var table = new Table(new Column("LINE", Align.Right), new Column("BANK TXN"), new Column("KIND"), new Column("DETAIL"));
        foreach (var o in items)
            table.Add(CsvOutput.Number(o.LineNumber), o.BankTransactionId, EnumNames.Of(o.Kind), o.Detail);
        table.Write(output);
    }
}
