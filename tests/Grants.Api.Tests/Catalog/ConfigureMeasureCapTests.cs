using Google.Rpc;
using Grants.Api.Auth;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Catalog;

public sealed class ConfigureMeasureCapTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private CatalogService.CatalogServiceClient Admin => fixture.Client<CatalogService.CatalogServiceClient>(Roles.Admin);

    private static ConfigureMeasureCapRequest Request(string measure, string bureau, long capFen) => new()
    {
        RequestId = RegistryFixture.NewRequestId(),
        MeasureId = measure,
        BureauCode = bureau,
        CapFen = capFen,
        RuleReference = "黄人社规〔2025〕1号",
        Officer = new Officer { Id = "wang.fang", BureauCode = bureau },
    };

    [Fact]
    public async Task GivenABureauRuleMeasure_WhenAResponsibleBureauConfiguresACap_ThenTheMeasureShowsItAsConfiguredAndEffective()
    {
        var before = await Admin.GetMeasureAsync(new GetMeasureRequest { MeasureId = "HP-2024-3/17" });
        Assert.False(before.Measure.Limits.HasEffectiveCapFen);
        Assert.Null(before.Measure.Limits.ConfiguredCap);

        var response = await Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/17", "HP-HRSS", 500_000_00));

        var limits = response.Measure.Limits;
        Assert.Equal(500_000_00, limits.EffectiveCapFen);
        Assert.Equal((500_000_00L, "HP-HRSS", "黄人社规〔2025〕1号"),
            (limits.ConfiguredCap.CapFen, limits.ConfiguredCap.BureauCode, limits.ConfiguredCap.RuleReference));
        Assert.NotNull(limits.ConfiguredCap.ConfiguredAt);

        var read = (await Admin.GetMeasureAsync(new GetMeasureRequest { MeasureId = "HP-2024-3/17" })).Measure.Limits;
        Assert.Equal(limits, read);
    }

    [Fact]
    public async Task GivenACapConfiguredEarlier_WhenConfiguredAgain_ThenTheLaterCapIsInForce()
    {
        await Admin.ConfigureMeasureCapAsync(Request("PD-2025-29/一", "PD-GOV", 1_000_000_00));
        var second = await Admin.ConfigureMeasureCapAsync(Request("PD-2025-29/一", "PD-GOV", 2_000_000_00));

        Assert.Equal(2_000_000_00, second.Measure.Limits.EffectiveCapFen);
        var listed = await Admin.ListMeasuresAsync(new ListMeasuresRequest { PolicyId = "PD-2025-29" });
        Assert.Equal(2_000_000_00, listed.Measures.Single(m => m.MeasureId == "PD-2025-29/一").Limits.ConfiguredCap.CapFen);
    }

    [Fact]
    public async Task GivenAFixedCapMeasure_WhenConfiguringACap_ThenFailedPreconditionAndNothingWritten()
    {
        var before = await fixture.WrittenSoFar();

        var violation = await RpcAssert.Precondition("STATE", () =>
            Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/18", "HP-IPO", 2_000_000_00)).ResponseAsync);

        Assert.Equal("measure HP-2024-3/18", violation.Subject);
        Assert.Contains("fixed", violation.Description, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenABureauNotResponsibleOrANonMonetaryMeasure_WhenConfiguring_ThenFailedPrecondition()
    {
        await RpcAssert.Precondition("STATE", () => Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/17", "HP-STC", 1_000_00)).ResponseAsync);
        await RpcAssert.Precondition("STATE", () => Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/2", "HP-IPO", 1_000_00)).ResponseAsync);
    }

    [Fact]
    public async Task GivenAKeyScopedToPudong_WhenConfiguringForAHuangpuBureau_ThenPermissionDeniedAndNothingWritten()
    {
        var pudongAdmin = fixture.Client<CatalogService.CatalogServiceClient>(RegistryFixture.PudongAdmin);
        var before = await fixture.WrittenSoFar();

        await RpcAssert.Refused(StatusCode.PermissionDenied, () =>
            pudongAdmin.ConfigureMeasureCapAsync(Request("HP-2024-3/17", "HP-HRSS", 500_000_00)).ResponseAsync);

        Assert.Equal(before, await fixture.WrittenSoFar());
        var inScope = await pudongAdmin.ConfigureMeasureCapAsync(Request("PD-2025-29/二", "PD-GOV", 300_000_00));
        Assert.Equal(300_000_00, inScope.Measure.Limits.EffectiveCapFen);
    }

    [Fact]
    public async Task GivenAConfiguredCap_WhenTheSameRequestIsRetried_ThenTheSameResponseAndNothingWritten()
    {
        var request = Request("SH-2024-14/十六", "HP-GOV", 800_000_00);
        var first = await Admin.ConfigureMeasureCapAsync(request);
        var before = await fixture.WrittenSoFar();

        var retry = await Admin.ConfigureMeasureCapAsync(request);

        Assert.Equal(first, retry);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAUsedRequestId_WhenSentWithADifferentCap_ThenAlreadyExistsAndNothingWritten()
    {
        var request = Request("SH-2024-14/十七", "HP-GOV", 800_000_00);
        await Admin.ConfigureMeasureCapAsync(request);
        var before = await fixture.WrittenSoFar();

        var changed = request.Clone();
        changed.CapFen = 900_000_00;
        var error = await RpcAssert.Refused(StatusCode.AlreadyExists, () => Admin.ConfigureMeasureCapAsync(changed).ResponseAsync);

        Assert.Contains(request.RequestId, error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenAnOfficerIdWithABureauPrefix_WhenConfiguring_ThenInvalidArgumentNamesOfficerIdAsEveryServiceDoes()
    {
        var before = await fixture.WrittenSoFar();
        var request = Request("HP-2024-3/17", "HP-HRSS", 500_000_00);
        request.Officer.Id = "HP-HRSS/wang.fang";

        var error = await RpcAssert.Refused(StatusCode.InvalidArgument, () => Admin.ConfigureMeasureCapAsync(request).ResponseAsync);

        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(("officer.id", "must be 1-64 letters, digits or ._:@- starting with a letter or digit"), (violation.Field, violation.Description));
        Assert.Equal(before, await fixture.WrittenSoFar());
    }

    [Fact]
    public async Task GivenBadFields_WhenConfiguring_ThenInvalidArgumentNamesEachAndNothingWritten()
    {
        var before = await fixture.WrittenSoFar();
        var request = Request("HP-2024-3/17", "HP-HRSS", 0);
        request.RuleReference = " ";
        request.Officer = new Officer { BureauCode = "HP-HRSS" };

        var fields = await RpcAssert.InvalidFields(() => Admin.ConfigureMeasureCapAsync(request).ResponseAsync);

        Assert.Equal(["cap_fen", "rule_reference", "officer.id"], fields);
        await RpcAssert.Refused(StatusCode.NotFound, () => Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/77", "HP-HRSS", 1_00)).ResponseAsync);
        await RpcAssert.Refused(StatusCode.NotFound, () => Admin.ConfigureMeasureCapAsync(Request("HP-2024-3/17", "HP-NOPE", 1_00)).ResponseAsync);
        Assert.Equal(before, await fixture.WrittenSoFar());
    }
}
