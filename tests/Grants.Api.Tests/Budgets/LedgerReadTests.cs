using Grants.Api.Auth;
using LedgerGauge = Grants.Api.Services.Budgets.LedgerGauge;
using Grants.Api.Telemetry;
using Grants.Api.Tests.Applicants;
using Grants.Api.Tests.Catalog;
using Grants.Contracts.V1;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Grants.Api.Tests.Budgets;

public sealed class LedgerReadTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private BudgetService.BudgetServiceClient Finance => fixture.Client<BudgetService.BudgetServiceClient>(Roles.Finance);

    private BudgetService.BudgetServiceClient Auditor => fixture.Client<BudgetService.BudgetServiceClient>(Roles.Auditor);

    [Fact]
    public async Task GivenSeveralLedgers_WhenListedByYearAndBureau_ThenRowsComeInOrderWithTotalsOverTheFilter()
    {
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-STC", 2027, "HP-2024-3/23", 4_000_000_00));
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2027, "HP-2024-3/23", 3_000_000_00));
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2027, "HP-2024-3/16", 2_000_000_00));
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2027, "HP-2024-3/15", 1_000_000_00));

        var year = await Auditor.ListLedgersAsync(new ListLedgersRequest { FiscalYear = 2027 });
        Assert.Equal(["HP-IPO HP-2024-3/15", "HP-IPO HP-2024-3/16", "HP-IPO HP-2024-3/23", "HP-STC HP-2024-3/23"],
            year.Ledgers.Select(l => $"{l.BureauCode} {l.MeasureId}"));
        Assert.Equal(("", 2027, "", 10_000_000_00L, 10_000_000_00L),
            (year.Totals.BureauCode, year.Totals.FiscalYear, year.Totals.MeasureId, year.Totals.AppropriatedFen, year.Totals.AvailableFen));
        Assert.Empty(year.NextPageToken);

        var ipo = await Auditor.ListLedgersAsync(new ListLedgersRequest { FiscalYear = 2027, BureauCode = "HP-IPO" });
        Assert.Equal(3, ipo.Ledgers.Count);
        Assert.Equal(("HP-IPO", 6_000_000_00L), (ipo.Totals.BureauCode, ipo.Totals.AppropriatedFen));

        var measure = await Auditor.ListLedgersAsync(new ListLedgersRequest { MeasureId = "HP-2024-3/23" });
        Assert.Equal(7_000_000_00, measure.Totals.AppropriatedFen);
    }

    [Fact]
    public async Task GivenMoreLedgersThanAPage_WhenFollowingTokens_ThenEveryLedgerOnceAndTheSameTotalsOnEachPage()
    {
        foreach (var (bureau, article) in new[] { ("HP-AMR", "13"), ("HP-AMR", "24"), ("HP-AMR", "25"), ("HP-COM", "12"), ("HP-STC", "14") })
            await Finance.AppropriateAsync(BudgetRequests.Appropriate(bureau, 2026, $"HP-2024-3/{article}", 100_000_00));

        var seen = new List<string>();
        var token = "";
        do
        {
            var page = await Auditor.ListLedgersAsync(new ListLedgersRequest { FiscalYear = 2026, PageSize = 2, PageToken = token });
            Assert.True(page.Ledgers.Count <= 2);
            Assert.Equal(500_000_00, page.Totals.AppropriatedFen);
            seen.AddRange(page.Ledgers.Select(l => $"{l.BureauCode} {l.MeasureId}"));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(["HP-AMR HP-2024-3/13", "HP-AMR HP-2024-3/24", "HP-AMR HP-2024-3/25", "HP-COM HP-2024-3/12", "HP-STC HP-2024-3/14"], seen);
        Assert.Equal(["page_token"], await RpcAssert.InvalidFields(() =>
            Auditor.ListLedgersAsync(new ListLedgersRequest { FiscalYear = 2025, PageToken = Page2026Token() }).ResponseAsync));

        string Page2026Token() => Auditor.ListLedgers(new ListLedgersRequest { FiscalYear = 2026, PageSize = 1 }).NextPageToken;
    }

    [Fact]
    public async Task GivenAKeyScopedToPudong_WhenListingLedgers_ThenOnlyPudongLinesAndTheirTotals()
    {
        var pudong = fixture.Client<BudgetService.BudgetServiceClient>(RegistryFixture.PudongFinance);
        await pudong.AppropriateAsync(BudgetRequests.Appropriate("PD-GOV", 2025, "PD-2025-29/三", 700_000_00));
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/16", 900_000_00));

        var listed = await pudong.ListLedgersAsync(new ListLedgersRequest());

        Assert.All(listed.Ledgers, l => Assert.Equal("PD-GOV", l.BureauCode));
        Assert.Equal(["PD-2025-29/三"], listed.Ledgers.Select(l => l.MeasureId));
        Assert.Equal(700_000_00, listed.Totals.AppropriatedFen);
        await RpcAssert.Refused(StatusCode.PermissionDenied, () => pudong.ListLedgersAsync(new ListLedgersRequest { BureauCode = "HP-IPO" }).ResponseAsync);
        await RpcAssert.Refused(StatusCode.PermissionDenied, () =>
            pudong.GetLedgerAsync(new GetLedgerRequest { BureauCode = "HP-IPO", FiscalYear = 2025, MeasureId = "HP-2024-3/16" }).ResponseAsync);
    }

    [Fact]
    public async Task GivenALedger_WhenTheGaugeRefreshes_ThenItsAvailableAmountIsObservable()
    {
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-STC", 2025, "HP-2024-3/10", 1_234_567_89));
        var gauge = fixture.Server.App.Services.GetRequiredService<LedgerGauge>();

        await gauge.Refresh(CancellationToken.None);

        Assert.Contains(new LedgerAvailable("HP-STC", 2025, "HP-2024-3/10", 1_234_567_89), gauge.Snapshot());
    }

    [Fact]
    public async Task GivenNoAppropriation_WhenGettingTheLedger_ThenNotFound()
    {
        await RpcAssert.Refused(StatusCode.NotFound, () =>
            Auditor.GetLedgerAsync(new GetLedgerRequest { BureauCode = "HP-IPO", FiscalYear = 2027, MeasureId = "HP-2024-3/1" }).ResponseAsync);
        Assert.Equal(["bureau_code", "fiscal_year", "measure_id"], await RpcAssert.InvalidFields(() =>
            Auditor.GetLedgerAsync(new GetLedgerRequest()).ResponseAsync));
    }

    [Fact]
    public async Task GivenAPersonNominatedTwice_WhenAnAwardIsMadeThroughOneEmployer_ThenTheBeneficiaryLedgerOfEitherRegistrationShowsIt()
    {
        var portal = fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal);
        var residentId = TestIdentities.ResidentId();
        var employerA = (await portal.RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant.ApplicantId;
        var employerB = (await portal.RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant.ApplicantId;
        var viaA = (await portal.RegisterPersonAsync(TestIdentities.Person(employerA, residentId))).Applicant;
        var viaB = (await portal.RegisterPersonAsync(TestIdentities.Person(employerB, residentId))).Applicant;
        await Finance.AppropriateAsync(BudgetRequests.Appropriate("HP-IPO", 2025, "HP-2024-3/18", 5_000_000_00));
        var application = await AwardSetup.Approve(fixture.Server, viaA.ApplicantId, "HP-2024-3/18", 300_000_00, "HP-IPO", new DateOnly(2025, 5, 6));

        var assessor = fixture.Client<BudgetService.BudgetServiceClient>(Roles.Assessor);
        var ledger = (await assessor.GetBeneficiaryLedgerAsync(
            new GetBeneficiaryLedgerRequest { MeasureId = "HP-2024-3/18", ApplicantId = viaB.ApplicantId })).Ledger;

        Assert.Equal((viaB.ApplicantId, viaA.Person.MaskedDocumentNumber), (ledger.ApplicantId, ledger.Beneficiary));
        Assert.Equal((1_000_000_00L, 300_000_00L, 700_000_00L), (ledger.CapFen, ledger.AwardedFen, ledger.HeadroomFen));
        Assert.Equal([application], ledger.ApplicationIds);
        Assert.DoesNotContain(residentId, ledger.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenAnEnterpriseWithNoAward_WhenReadingItsBeneficiaryLedger_ThenZerosUnderItsCreditCode()
    {
        var enterprise = (await fixture.Client<ApplicantService.ApplicantServiceClient>(Roles.ApplicantPortal)
            .RegisterEnterpriseAsync(TestIdentities.Enterprise())).Applicant;

        var ledger = (await Auditor.GetBeneficiaryLedgerAsync(
            new GetBeneficiaryLedgerRequest { MeasureId = "HP-2024-3/1", ApplicantId = enterprise.ApplicantId })).Ledger;

        Assert.Equal(enterprise.Enterprise.UnifiedSocialCreditCode, ledger.Beneficiary);
        Assert.Equal((0L, 0L, 0L), (ledger.AwardedFen, ledger.PaidFen, ledger.RecoveredFen));
        Assert.False(ledger.HasCapFen); // art.1 caps each award, not the beneficiary's total
        Assert.Empty(ledger.ApplicationIds);
        await RpcAssert.Refused(StatusCode.NotFound, () => Auditor.GetBeneficiaryLedgerAsync(
            new GetBeneficiaryLedgerRequest { MeasureId = "HP-2024-3/1", ApplicantId = "APL-0000000000000002" }).ResponseAsync);
        await RpcAssert.Refused(StatusCode.NotFound, () => Auditor.GetBeneficiaryLedgerAsync(
            new GetBeneficiaryLedgerRequest { MeasureId = "HP-2024-3/0", ApplicantId = enterprise.ApplicantId }).ResponseAsync);
    }
}
