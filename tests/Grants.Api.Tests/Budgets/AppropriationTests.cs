using Grants.Api.Auth;
using Grants.Api.Tests.Applicants;
using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Budgets;

public sealed class AppropriationTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private BudgetService.BudgetServiceClient Finance => fixture.Client<BudgetService.BudgetServiceClient>(Roles.Finance);

    [Fact]
    public async Task GivenNoAppropriation_WhenFinanceAppropriatesTwice_ThenTheLedgerHoldsTheSum()
    {
        var first = (await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 5_000_000_00))).Ledger;
        Assert.Equal(("HP-IPO", 2025, "HP-2024-3/15", 5_000_000_00L, 5_000_000_00L),
            (first.BureauCode, first.FiscalYear, first.MeasureId, first.AppropriatedFen, first.AvailableFen));

        var second = (await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 1_000_000_00))).Ledger;
        Assert.Equal((6_000_000_00L, 0L, 0L, 6_000_000_00L), (second.AppropriatedFen, second.CommittedFen, second.PaidFen, second.AvailableFen));
        Assert.NotNull(second.UpdatedAt);
    }

    [Fact]
    public async Task GivenAnAppropriation_WhenAdjustedUpThenDown_ThenTheLedgerFollowsEachAdjustment()
    {
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2026, "HP-2024-3/16", 2_000_000_00));

        var raised = (await Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-IPO", 2026, "HP-2024-3/16", 500_000_00))).Ledger;
        var cut = (await Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-IPO", 2026, "HP-2024-3/16", -1_500_000_00))).Ledger;

        Assert.Equal(2_500_000_00, raised.AppropriatedFen);
        Assert.Equal((1_000_000_00L, 1_000_000_00L), (cut.AppropriatedFen, cut.AvailableFen));
        var read = (await Finance.GetLedgerAsync(new GetLedgerRequest { BureauCode = "HP-IPO", FiscalYear = 2026, MeasureId = "HP-2024-3/16" })).Ledger;
        Assert.Equal(cut, read);
    }

    [Fact]
    public async Task GivenAnApprovedAward_WhenTheAppropriationIsCutBelowWhatIsCommitted_ThenFailedPreconditionNamesTheLimitAndNothingIsWritten()
    {
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/1", 10_000_000_00));
        var enterprise = (await fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal)
            .RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant.ApplicantId;
        await AwardSetup.Approve(fixture.Server, enterprise, "HP-2024-3/1", 3_000_000_00, "HP-IPO", new DateOnly(2025, 6, 2));
        var committed = (await Finance.GetLedgerAsync(new GetLedgerRequest { BureauCode = "HP-IPO", FiscalYear = 2025, MeasureId = "HP-2024-3/1" })).Ledger;
        Assert.Equal((3_000_000_00L, 7_000_000_00L), (committed.CommittedFen, committed.AvailableFen));
        var before = await fixture.WrittenSoFar();

        var violation = await RpcAssert.Precondition("LIMIT", () =>
            Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-IPO", 2025, "HP-2024-3/1", -8_000_000_00)).ResponseAsync);

        Assert.Equal("HP-IPO FY2025 HP-2024-3 art.1 appropriation", violation.Subject);
        Assert.Contains("largest possible cut 7,000,000.00", violation.Description, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WrittenSoFar());

        var toTheBone = (await Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-IPO", 2025, "HP-2024-3/1", -7_000_000_00))).Ledger;
        Assert.Equal((3_000_000_00L, 3_000_000_00L, 0L), (toTheBone.AppropriatedFen, toTheBone.CommittedFen, toTheBone.AvailableFen));
    }

    [Fact]
    public async Task GivenACutBelowZero_WhenAdjusting_ThenFailedPreconditionLimit()
    {
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-STC", 2025, "HP-2024-3/6", 1_000_000_00));

        var violation = await RpcAssert.Precondition("LIMIT", () =>
            Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-STC", 2025, "HP-2024-3/6", -1_000_000_01)).ResponseAsync);

        Assert.Contains("HP-2024-3 art.6 appropriation", violation.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenNoAppropriation_WhenAdjusting_ThenNotFound()
    {
        await RpcAssert.Refused(StatusCode.NotFound, () =>
            Finance.AdjustAppropriationAsync(BudgetRequests.Adjust("HP-STC", 2027, "HP-2024-3/9", 1_00)).ResponseAsync);
    }

    [Fact]
    public async Task GivenBadRequests_WhenAppropriating_ThenEachIsRefusedPreciselyAndNothingIsWritten()
    {
        var before = await fixture.WrittenSoFar();
        var bad = BudgetRequests.Appropriate("HP-IPO", 1999, "HP-2024-3/15", 0);
        bad.Reason = " ";
        bad.Officer = null;
        bad.AppropriatedOn = null;
        Assert.Equal(["fiscal_year", "amount_fen", "reason", "officer", "appropriated_on"],
            await RpcAssert.InvalidFields(() => Finance.AppropriateAsync(bad).ResponseAsync));

        var overflowing = BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", long.MaxValue);
        Assert.Equal(["amount_fen"], await RpcAssert.InvalidFields(() => Finance.AppropriateAsync(overflowing).ResponseAsync));
        Assert.Equal(["fiscal_year"], await RpcAssert.InvalidFields(() =>
            Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2030, "HP-2024-3/15", 1_00)).ResponseAsync));

        await RpcAssert.Precondition("STATE", () => Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/2", 1_00)).ResponseAsync);
        await RpcAssert.Precondition("STATE", () => Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-STC", 2025, "HP-2024-3/1", 1_00)).ResponseAsync);
        await RpcAssert.Refused(StatusCode.NotFound, () => Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/404", 1_00)).ResponseAsync);
        await RpcAssert.Refused(StatusCode.PermissionDenied, () => fixture.Client<BudgetService.BudgetServiceClient>(RegistryFixture.PudongFinance)
            .AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 1_00)).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    // common.proto's Officer.id rule, the same for every service: the budget service once accepted 100 characters
    // and "/", which made "bureau/id" in its events ambiguous.
    [Theory]
    [InlineData("HP-IPO/chen")]
    [InlineData("finance chen")]
    [InlineData("finance.chen.0123456789.0123456789.0123456789.0123456789.01234567")]
    public async Task GivenAnOfficerIdTheContractRefuses_WhenAppropriatingOrAdjusting_ThenInvalidArgumentNamesOfficerIdAndNothingIsWritten(string id)
    {
        var before = await fixture.WrittenSoFar();
        var appropriate = BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/15", 1_00);
        appropriate.Officer.Id = id;
        var adjust = BudgetRequests.Adjust("HP-IPO", 2025, "HP-2024-3/15", 1_00);
        adjust.Officer.Id = id;

        Assert.Equal(["officer.id"], await RpcAssert.InvalidFields(() => Finance.AppropriateAsync(appropriate).ResponseAsync));
        Assert.Equal(["officer.id"], await RpcAssert.InvalidFields(() => Finance.AdjustAppropriationAsync(adjust).ResponseAsync));
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAnAppropriation_WhenRetriedWithTheSameRequestId_ThenTheSameResponseWithoutWritingAndAChangedPayloadIsRefused()
    {
        var request = BudgetRequests.Appropriate("HP-AMR", 2025, "HP-2024-3/13", 800_000_00);
        var first = await Finance.AppropriateAsync(request);
        var before = await fixture.WrittenSoFar();

        Assert.Equal(first, await Finance.AppropriateAsync(request));
        Assert.Equal(before, await fixture.WrittenSoFar());

        var changed = request.Clone();
        changed.AmountFen = 900_000_00;
        await RpcAssert.Refused(StatusCode.AlreadyExists, () => Finance.AppropriateAsync(changed).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
        var ledger = (await Finance.GetLedgerAsync(new GetLedgerRequest { BureauCode = "HP-AMR", FiscalYear = 2025, MeasureId = "HP-2024-3/13" })).Ledger;
        Assert.Equal(800_000_00, ledger.AppropriatedFen);
    }
}
