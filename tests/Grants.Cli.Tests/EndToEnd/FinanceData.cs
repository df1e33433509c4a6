using System.Globalization;
using System.Text;
using Grants.Contracts.V1;

namespace Grants.Cli.Tests.EndToEnd;

/// <summary>What the finance tests need beyond the demo: fresh payment instructions made through the gRPC API, bank
/// statements written in the format of docs/FINANCE.md, and the instruction export read back.</summary>
internal static class FinanceData
{
    public const string StatementHeader = "bank_transaction_id,value_date,reference,counterparty_account,amount_fen,direction";

    /// <summary>Today in China Standard Time: the demo approved and instructed everything today, so a payment dated
    /// today is never "paid before instructed".</summary>
    public static string Today => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new pending instruction of <paramref name="amountFen"/> on a demo award not on hold with that much
    /// left to instruct, so tests do not depend on which demo instructions another test already matched.</summary>
    public static async Task<Tranche> Instruct(DemoServerFixture fixture, long amountFen, string payeeAccount)
    {
        var award = (await Applications(fixture, ApplicationStatus.Approved, ApplicationStatus.Disbursing))
            .Where(a => a.Hold is not { OnHold: true })
            .First(a => a.Award.CurrentAmountFen - a.Tranches.Sum(t => t.AmountFen - t.ReturnedFen) >= amountFen);
        var response = await fixture.Server.Client<DisbursementService.DisbursementServiceClient>("finance").InstructTrancheAsync(new InstructTrancheRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ApplicationId = award.ApplicationId,
            AmountFen = amountFen,
            PayeeName = "上海测试收款有限公司",
            PayeeAccount = payeeAccount,
            Officer = new Officer { Id = "test.finance", BureauCode = award.Award.PayingBureauCode },
            InstructedOn = Date.FromDateOnly(DateOnly.ParseExact(Today, "yyyy-MM-dd", CultureInfo.InvariantCulture)),
        });
        return response.Tranche;
    }

    /// <summary>Applications in these states, each in full (the list leaves out tranches and clawbacks).</summary>
    public static async Task<IReadOnlyList<Application>> Applications(DemoServerFixture fixture, params ApplicationStatus[] statuses)
    {
        var client = fixture.Server.Client<ApplicationService.ApplicationServiceClient>("auditor");
        var listed = await client.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 200, Statuses = { statuses } });
        var full = new List<Application>();
        foreach (var a in listed.Applications)
            full.Add((await client.GetApplicationAsync(new GetApplicationRequest { ApplicationId = a.ApplicationId })).Application);
        return full;
    }

    /// <summary>Writes a statement file: the documented header, then the given lines as they are.</summary>
    public static string Statement(DemoServerFixture fixture, string name, params string[] lines)
    {
        var path = fixture.PathOf(name);
        File.WriteAllText(path, string.Join("\n", [StatementHeader, .. lines]) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Bank transaction ids unique in the shared database, so each test's lines are new to the server.</summary>
    public static string TransactionPrefix() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>RFC 4180 as the export writes it: a header row and rows, fields quoted when they need it.</summary>
    public static List<Dictionary<string, string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    field.Append(text[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
                quoted = true;
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
                field.Append(c);
        }
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))];
    }
}
