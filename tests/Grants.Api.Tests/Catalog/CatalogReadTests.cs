using Grants.Api.Auth;
using Grants.Contracts.V1;
using Grpc.Core;

namespace Grants.Api.Tests.Catalog;

public sealed class CatalogReadTests(RegistryFixture fixture) : IClassFixture<RegistryFixture>
{
    private CatalogService.CatalogServiceClient Catalog => fixture.Client<CatalogService.CatalogServiceClient>(Roles.Auditor);

    [Fact]
    public async Task GivenTheSeededCatalog_WhenListingTheMeasuresOfHP20243_ThenItsTwentyFiveArticlesComeInOrderWithTheirLimits()
    {
        var response = await Catalog.ListMeasuresAsync(new ListMeasuresRequest { PolicyId = "HP-2024-3", PageSize = 200 });

        var measures = response.Measures;
        Assert.Equal(Enumerable.Range(1, 25).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            measures.Select(m => m.Article));
        Assert.Empty(response.NextPageToken);

        var article1 = measures[0];
        Assert.Equal(("HP-2024-3/1", MeasureKind.Award, "HP-IPO"), (article1.MeasureId, article1.Kind, article1.PayingBureauCode));
        Assert.Equal(2_000_000_000, article1.Limits.CapFen); // 不超过 2000 万元
        Assert.Equal(2_000_000_000, article1.Limits.EffectiveCapFen);
        Assert.Equal(CapScope.PerAward, article1.Limits.CapScope);

        var article18 = measures[17];
        Assert.True(article18.Limits.PerPerson);
        Assert.Equal(CapScope.PerBeneficiaryOverPolicyPeriod, article18.Limits.CapScope);
        Assert.Equal(100_000_000, article18.Limits.CapFen); // 每人不超过 100 万元
        Assert.Equal(["HP-IPO", "HP-TAL"], article18.ResponsibleBureauCodes);

        var article19 = measures[18];
        Assert.False(article19.Limits.HasCapFen);
        Assert.Equal(10_000_000, article19.Limits.FloorFen);
        Assert.Equal([("municipal", 20_000_000L), ("district", 10_000_000L)], article19.Limits.Tiers.Select(t => (t.Code, t.FloorFen)));

        var article17 = measures[16];
        Assert.True(article17.Limits.CapSetByBureauRule);
        Assert.False(article17.Limits.HasCapFen);

        var article2 = measures[1];
        Assert.Equal(MeasureKind.NonMonetary, article2.Kind);
        Assert.Null(article2.Limits);
        Assert.Empty(article2.PayingBureauCode);

        Assert.All(measures, m => Assert.NotEmpty(m.SourceText));
        Assert.All(measures.Where(m => m.Kind != MeasureKind.NonMonetary && !m.Limits.CapSetByBureauRule && m.Article != "19"),
            m => Assert.True(m.Limits.HasCapFen, $"{m.MeasureId} has a fixed cap"));
    }

    [Fact]
    public async Task GivenSmallPages_WhenFollowingNextPageTokens_ThenThePagesJoinUpToTheWholeListing()
    {
        var all = await Catalog.ListMeasuresAsync(new ListMeasuresRequest { PageSize = 200 });
        var paged = new List<string>();
        var token = "";
        do
        {
            var page = await Catalog.ListMeasuresAsync(new ListMeasuresRequest { PageSize = 7, PageToken = token });
            Assert.True(page.Measures.Count <= 7);
            paged.AddRange(page.Measures.Select(m => m.MeasureId));
            token = page.NextPageToken;
        }
        while (token.Length > 0);

        Assert.Equal(all.Measures.Select(m => m.MeasureId), paged);
        // Ordered by policy id, then as the document lists its articles.
        Assert.Equal(["HP-2024-3", "PD-2025-29", "SH-2024-14"], paged.Select(id => id[..id.IndexOf('/')]).Distinct());
    }

    [Fact]
    public async Task GivenATokenOfOneFilter_WhenUsedWithAnother_ThenInvalidArgumentOnPageToken()
    {
        var first = await Catalog.ListMeasuresAsync(new ListMeasuresRequest { PolicyId = "HP-2024-3", PageSize = 5 });

        var fields = await RpcAssert.InvalidFields(() =>
            Catalog.ListMeasuresAsync(new ListMeasuresRequest { PolicyId = "SH-2024-14", PageSize = 5, PageToken = first.NextPageToken }).ResponseAsync);
        Assert.Equal(["page_token"], fields);
        Assert.Equal(["page_token"], await RpcAssert.InvalidFields(() =>
            Catalog.ListMeasuresAsync(new ListMeasuresRequest { PageToken = "not-a-token" }).ResponseAsync));
    }

    [Fact]
    public async Task GivenBureauAndKindFilters_WhenListing_ThenOnlyMeasuresOfThatBureauAndKind()
    {
        var response = await Catalog.ListMeasuresAsync(new ListMeasuresRequest { BureauCode = "HP-AMR", Kind = MeasureKind.Award });

        Assert.Equal(["HP-2024-3/13", "HP-2024-3/24", "HP-2024-3/25"], response.Measures.Select(m => m.MeasureId));
    }

    [Fact]
    public async Task GivenBadFilters_WhenListing_ThenEachIsRefusedPrecisely()
    {
        await RpcAssert.Refused(StatusCode.NotFound, () => Catalog.ListMeasuresAsync(new ListMeasuresRequest { PolicyId = "XX-1999-1" }).ResponseAsync);
        Assert.Equal(["page_size"], await RpcAssert.InvalidFields(() =>
            Catalog.ListMeasuresAsync(new ListMeasuresRequest { PageSize = 201 }).ResponseAsync));
        Assert.Equal(["kind"], await RpcAssert.InvalidFields(() =>
            Catalog.ListMeasuresAsync(new ListMeasuresRequest { Kind = (MeasureKind)42 }).ResponseAsync));
    }

    [Fact]
    public async Task GivenAMeasureId_WhenGettingIt_ThenTheMeasureOrNotFound()
    {
        var measure = (await Catalog.GetMeasureAsync(new GetMeasureRequest { MeasureId = "HP-2024-3/12" })).Measure;
        Assert.Equal((25_000_000L, "HP-COM"), (measure.Limits.CapFen, measure.PayingBureauCode));

        await RpcAssert.Refused(StatusCode.NotFound, () => Catalog.GetMeasureAsync(new GetMeasureRequest { MeasureId = "HP-2024-3/99" }).ResponseAsync);
        Assert.Equal(["measure_id"], await RpcAssert.InvalidFields(() => Catalog.GetMeasureAsync(new GetMeasureRequest()).ResponseAsync));
    }

    [Fact]
    public async Task GivenTheCatalog_WhenListingPoliciesAndBureaus_ThenTheyComeOrderedByCode()
    {
        var policies = (await Catalog.ListPoliciesAsync(new ListPoliciesRequest())).Policies;
        Assert.Equal(["HP-2024-3", "PD-2025-29", "SH-2024-14"], policies.Select(p => p.PolicyId));
        var hp = policies[0];
        Assert.Equal(("黄投促办规〔2024〕3号", 25, "2027-12-31"), (hp.DocumentNumber, hp.MeasureCount, hp.InForceTo.ToIsoString()));

        var pudong = (await Catalog.ListPoliciesAsync(new ListPoliciesRequest { JurisdictionCode = "SH-PD" })).Policies;
        Assert.Equal(["PD-2025-29"], pudong.Select(p => p.PolicyId));

        var directory = await Catalog.ListBureausAsync(new ListBureausRequest());
        Assert.Equal(["SH", "SH-HP", "SH-PD"], directory.Jurisdictions.Select(j => j.JurisdictionCode));
        Assert.Equal("SH", directory.Jurisdictions[1].ParentCode);
        Assert.Equal(directory.Bureaus.Select(b => b.BureauCode).Order(StringComparer.Ordinal), directory.Bureaus.Select(b => b.BureauCode));
        var ipo = Assert.Single(directory.Bureaus, b => b.BureauCode == "HP-IPO");
        Assert.Equal(("区投促办", "SH-HP"), (ipo.ShortNameZh, ipo.JurisdictionCode));
    }
}
