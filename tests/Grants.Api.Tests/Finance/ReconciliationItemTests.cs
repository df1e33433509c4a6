using Grants.Api.Tests.Finance.Support;
using Grants.Api.Tests.Infrastructure;
using Google.Rpc;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Finance;

public sealed class ReconciliationItemTests(ItemsFixture fixture) : IClassFixture<ItemsFixture>
{
    private static readonly DateOnly Day = new(2025, 4, 30);

    [Fact]
    public async Task GivenAnOpenItem_WhenAFinanceOfficerResolvesIt_ThenItLeavesTheOpenListAndCannotBeResolvedTwice()
    {
        var item = Outcome(ItemKind.WrongAccount);
        var request = Resolve(item.BankTransactionId, "退回银行，重新按原账户支付");

        var resolved = await fixture.Finance.ResolveItemAsync(request);
        var replayed = await fixture.Finance.ResolveItemAsync(request);

        Assert.Equal((ItemStatus.Resolved, "退回银行，重新按原账户支付", "hp-ipo.li.na"),
            (resolved.Item.Status, resolved.Item.Resolution, resolved.Item.ResolvedBy));
        Assert.Equal(resolved, replayed);
        var open = await fixture.Auditor.ListItemsAsync(new ListItemsRequest { Status = ItemStatus.Open, PageSize = 200 });
        Assert.DoesNotContain(open.Items, i => i.BankTransactionId == item.BankTransactionId);
        var closed = await fixture.Auditor.ListItemsAsync(new ListItemsRequest { Status = ItemStatus.Resolved, PageSize = 200 });
        Assert.Contains(closed.Items, i => i.BankTransactionId == item.BankTransactionId && i.ResolvedAt is not null);
        var again = await Assert.ThrowsAsync<RpcException>(() => fixture.Finance.ResolveItemAsync(Resolve(item.BankTransactionId, "again")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task GivenAnOfficerIdWithASlash_WhenAnItemIsResolved_ThenInvalidArgumentNamingOfficerIdAndTheItemStaysOpen()
    {
        var item = Outcome(ItemKind.AmountMismatch);
        var request = Resolve(item.BankTransactionId, "已核对");
        request.Officer.Id = "HP-IPO/li.na";
        var before = (await fixture.Store.Head()).Position;

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Finance.ResolveItemAsync(request).ResponseAsync);

        // The same refusal InstructTranche and the other commands give an id the domain's OfficialId does not accept.
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("officer.id", "must be 1-64 letters, digits or ._:@- starting with a letter or digit"), (violation.Field, violation.Description));
        Assert.Equal(before, (await fixture.Store.Head()).Position);
        var open = await fixture.Auditor.ListItemsAsync(new ListItemsRequest { Status = ItemStatus.Open, Kind = ItemKind.AmountMismatch, PageSize = 200 });
        Assert.Contains(open.Items, i => i.BankTransactionId == item.BankTransactionId);
    }

    [Fact]
    public async Task GivenAConfirmedLine_WhenResolvedAsAnItem_ThenItIsNotFound()
    {
        var confirmed = Outcome(ItemKind.Confirmed);

        var error = await Assert.ThrowsAsync<RpcException>(() => fixture.Finance.ResolveItemAsync(Resolve(confirmed.BankTransactionId, "n/a")).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task GivenItemsOfEveryKind_WhenListedByKind_ThenOnlyThatKindComes()
    {
        var mismatches = await fixture.Auditor.ListItemsAsync(new ListItemsRequest { Kind = ItemKind.AmountMismatch, PageSize = 200 });

        Assert.Equal(fixture.FirstImport.Outcomes.Count(o => o.Kind == ItemKind.AmountMismatch), mismatches.Items.Count);
        Assert.All(mismatches.Items, i => Assert.True(i.ExpectedFen > 0 && i.ExpectedFen != i.AmountFen));
        var repayments = await fixture.Auditor.ListItemsAsync(new ListItemsRequest { Kind = ItemKind.ClawbackRepayment });
        Assert.Equal(5, repayments.Items.Count);
        Assert.All(repayments.Items, i => Assert.Equal((ItemStatus.Resolved, i.ApplicationId), (i.Status, i.MatchedReference[..^3])));
    }

    [Fact]
    public async Task GivenAStatementWithoutHeaderOrWithOneTransactionTwice_WhenImported_ThenItIsRefusedNamingTheProblem()
    {
        var p = fixture.Month.Unpaid.First();
        using var call = fixture.Finance.ImportStatement();
        await call.RequestStream.WriteAsync(new ImportStatementRequest { Line = Statements.Line("X-1", Day, p.Reference, p.Account, p.Amount.Fen) });
        await call.RequestStream.CompleteAsync();
        var noHeader = await Assert.ThrowsAsync<RpcException>(() => call.ResponseAsync);

        var twice = await Assert.ThrowsAsync<RpcException>(() => Statements.Import(fixture.Finance, "twice.csv", Statements.NumberedAsInAFile(
            [Statements.Line("X-2", Day, p.Reference, p.Account, p.Amount.Fen), Statements.Line("X-2", Day, "fee", "", 100)])));

        Assert.Equal(StatusCode.InvalidArgument, noHeader.StatusCode);
        Assert.Contains("header", noHeader.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("line 3.bank_transaction_id: X-2 is already on line 2", twice.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnImportedTransaction_WhenItComesBackWithOtherFigures_ThenTheStatementIsRefused()
    {
        var line = fixture.Month.Statement[0].Clone();
        line.AmountFen += 1;
        var fresh = fixture.Month.Unpaid.First();

        var error = await Assert.ThrowsAsync<RpcException>(() => Statements.Import(fixture.Finance, "changed.csv", Statements.NumberedAsInAFile(
            [Statements.Line("Y-1", Day, fresh.Reference, fresh.Account, fresh.Amount.Fen), line])));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains($"line 3.bank_transaction_id: {line.BankTransactionId} was imported before", error.Status.Detail, StringComparison.Ordinal);
        var pending = await fixture.Finance.ListInstructionsAsync(new ListInstructionsRequest { Status = InstructionStatus.Pending, PageSize = 200 });
        Assert.Contains(pending.Instructions, i => i.Reference == fresh.Reference);
    }

    [Fact]
    public async Task GivenAKeyScopedToOneBureau_WhenItImportsAnotherBureausPayment_ThenNothingIsImported()
    {
        var key = new TestApiKey("finance-stc", TestApiKey.NewKey(), ["finance"], Bureaus: ["HP-STC"]);
        await using var scoped = await GrantsServer.Start(fixture.ConnectionString, [key]);
        var client = new ReconciliationService.ReconciliationServiceClient(scoped.Invoker(key.Key));
        var ipo = fixture.Month.Unpaid.First(p => p.Bureau == "HP-IPO");
        var stc = fixture.Month.Unpaid.First(p => p.Bureau == "HP-STC");
        var before = (await fixture.Store.Head()).Position;

        var error = await Assert.ThrowsAsync<RpcException>(() => Statements.Import(client, "mixed.csv", Statements.NumberedAsInAFile(
            [Statements.Line("Z-1", Day, stc.Reference, stc.Account, stc.Amount.Fen), Statements.Line("Z-2", Day, ipo.Reference, ipo.Account, ipo.Amount.Fen)])));
        var instructions = await client.ListInstructionsAsync(new ListInstructionsRequest { PageSize = 200 });
        var report = await client.GetReportAsync(new GetReportRequest());

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("line 3", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, (await fixture.Store.Head()).Position);
        Assert.NotEmpty(instructions.Instructions);
        Assert.All(instructions.Instructions, i => Assert.Equal("HP-STC", i.PayingBureau));
        Assert.Equal(["HP-STC"], report.Lines.Select(l => l.BureauCode).Distinct());
        Assert.True(report.TieOut.Ok);
    }

    private LineOutcome Outcome(ItemKind kind) => fixture.FirstImport.Outcomes.First(o => o.Kind == kind);

    private static ResolveItemRequest Resolve(string bankTransactionId, string note) => new()
    {
        RequestId = Guid.NewGuid().ToString("N"),
        BankTransactionId = bankTransactionId,
        Note = note,
        Officer = new Officer { Id = "hp-ipo.li.na", BureauCode = "HP-IPO" },
        ResolvedOn = Date.FromDateOnly(Day),
    };
}
