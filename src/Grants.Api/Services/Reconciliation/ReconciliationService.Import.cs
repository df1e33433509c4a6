using Grants.Api.Auth;
using Grants.Api.Errors;
using Grants.Contracts.V1;
using Grants.Domain.Catalog;
using Grants.Projections.Finance.Statements;
using Grpc.Core;

namespace Grants.Api.Services.Reconciliation;

/// <summary>ImportStatement: receive and check the whole statement, refuse it whole if any line is malformed or
/// reaches outside the key's scope, then apply line by line (each line atomic, re-import skips what is done).</summary>
public sealed partial class ReconciliationService
{
    public override async Task<ImportStatementResponse> ImportStatement(IAsyncStreamReader<ImportStatementRequest> requestStream,
                                                                        ServerCallContext context)
    {
        var caller = CallerContext.Of(context);
        var ct = context.CancellationToken;
        var statement = await StatementChecks.Receive(requestStream, ct);
        var earlier = await _lines.Find([.. statement.Lines.Select(l => l.BankTransactionId)], ct);
        RefuseChangedTransactions(statement, earlier);
        await EnsureScope(caller, statement, ct);

        var response = new ImportStatementResponse { StatementName = statement.Name, Lines = statement.Lines.Count };
        foreach (var line in statement.Lines)
        {
            var outcome = earlier.TryGetValue(line.BankTransactionId, out var before)
                ? StatementImporter.Outcome(line, before.Kind, true, before.Detail)
                : await _importer.Apply(line, statement, caller.Name, ct);
            Count(response, outcome);
            if (!outcome.AlreadyImported && outcome.Kind != ItemKind.Confirmed)
                LogItem(_logger, statement.Name, line.LineNumber, line.BankTransactionId, outcome.Kind, Accounts.Mask(line.CounterpartyAccount), outcome.Detail);
        }
        response.HistoryPosition = (await _store.Head(ct)).Position;
        LogImported(_logger, statement.Name, response.Lines, response.Confirmed, response.ItemsOpened, response.AlreadyImported);
        return response;
    }

    /// <summary>A bank transaction id is the bank's promise that it names one transaction: the same id with other
    /// figures is a wrong file, not a new line.</summary>
    private static void RefuseChangedTransactions(ReceivedStatement statement, IReadOnlyDictionary<string, ItemRow> earlier)
    {
        var changed = statement.Lines
            .Where(l => earlier.TryGetValue(l.BankTransactionId, out var row) && !row.Line.SameTransactionAs(l))
            .Select(l => new FieldViolation($"line {l.LineNumber}.bank_transaction_id",
                $"{l.BankTransactionId} was imported before (statement {earlier[l.BankTransactionId].Line.StatementName} " +
                $"line {earlier[l.BankTransactionId].Line.LineNumber}) with other figures"))
            .ToList();
        if (changed.Count > 0)
            throw StatementChecks.Refusal(changed);
    }

    /// <summary>A scoped key may only settle its own bureaus' payments; a statement that touches another bureau's is
    /// refused whole, before anything is applied.</summary>
    private async Task EnsureScope(CallerContext caller, ReceivedStatement statement, CancellationToken ct)
    {
        if (caller.Scope.IsUnrestricted)
            return;
        var found = statement.Lines.Select(l => (Line: l, Reference: StatementReference.Find(l.Reference)))
            .Where(x => x.Reference is not null).ToList();
        var payments = await _instructions.Find([.. found.Where(x => !x.Reference!.IsClawback).Select(x => x.Reference!.Text)], ct);
        var clawbacks = await _clawbacks.Find([.. found.Where(x => x.Reference!.IsClawback).Select(x => x.Reference!.Text)], ct);
        foreach (var (line, reference) in found)
        {
            var bureau = reference!.IsClawback
                ? clawbacks.GetValueOrDefault(reference.Text)?.PayingBureau
                : payments.GetValueOrDefault(reference.Text)?.PayingBureau;
            if (bureau is not null && !caller.CanReach(new BureauCode(bureau)))
                throw ApiError.Denied($"line {line.LineNumber} ({reference.Text}) belongs to bureau '{bureau}', outside the scope of API key " +
                                      $"'{caller.Name}'; nothing was imported").ToRpcException();
        }
    }

    private static void Count(ImportStatementResponse response, LineOutcome outcome)
    {
        response.Outcomes.Add(outcome);
        if (outcome.AlreadyImported)
        {
            response.AlreadyImported++;
            return;
        }
        switch (outcome.Kind)
        {
            case ItemKind.Confirmed:
                response.Confirmed++;
                break;
            case ItemKind.ClawbackRepayment:
                response.Repaid++;
                break;
            case ItemKind.ReturnedPayment:
                response.Returned++;
                response.ItemsOpened++;
                break;
            default:
                response.ItemsOpened++;
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Statement {Statement} line {Line}: bank transaction {BankTransactionId} is {Kind} (counterparty {Account}): {Detail}")]
    private static partial void LogItem(ILogger logger, string statement, int line, string bankTransactionId, ItemKind kind, string account, string detail);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Statement {Statement}: {Lines} lines, {Confirmed} payments confirmed, {Items} items opened, {AlreadyImported} imported before")]
    private static partial void LogImported(ILogger logger, string statement, int lines, int confirmed, int items, int alreadyImported);
}
