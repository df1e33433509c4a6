using Grants.Domain.Catalog;

namespace Grants.Domain.Tests.Fixtures;

/// <summary>A small hand-built catalog shaped like file 000 (黄投促办规〔2024〕3号, in force 2025-01-01 to 2027-12-31):
/// a large per-award cap, a per-person cumulative cap, tiers with floors only, a bureau-rule cap and a non-monetary
/// measure. Independent of the seed files, so decider tests do not move when the seeds are corrected.</summary>
public static class TestCatalog
{
    public static readonly BureauCode Ipo = new("HP-IPO");
    public static readonly BureauCode Stc = new("HP-STC");
    public static readonly BureauCode Talent = new("HP-TAL");
    public static readonly BureauCode Hrss = new("HP-HRSS");
    public static readonly BureauCode Construction = new("HP-CMC");
    public static readonly BureauCode Finance = new("HP-FIN");

    public static readonly PolicyId PolicyHp = new("HP-2024-3");
    public static readonly DateOnly InForceFrom = new(2025, 1, 1);
    public static readonly DateOnly InForceTo = new(2027, 12, 31);

    public static readonly MeasureId Art1 = MeasureId.Of(PolicyHp, "1");
    public static readonly MeasureId Art3 = MeasureId.Of(PolicyHp, "3");
    public static readonly MeasureId Art5 = MeasureId.Of(PolicyHp, "5");
    public static readonly MeasureId Art17 = MeasureId.Of(PolicyHp, "17");
    public static readonly MeasureId Art18 = MeasureId.Of(PolicyHp, "18");
    public static readonly MeasureId Art19 = MeasureId.Of(PolicyHp, "19");

    public static readonly Tier Municipal = new("municipal", "市级人才计划", "municipal programme", Money.FromWan(20), null);
    public static readonly Tier District = new("district", "区级人才计划", "district programme", Money.FromWan(10), null);

    private static readonly ApplicantKind[] Enterprises =
        [ApplicantKind.FinancialInstitution, ApplicantKind.FintechEnterprise, ApplicantKind.ProfessionalServiceOrganisation, ApplicantKind.CarrierOperator];

    public static readonly PolicyCatalog Current = Build();

    public static Measure Measure(MeasureId id) => Current.FindMeasure(id)!;

    private static PolicyCatalog Build()
    {
        Measure[] measures =
        [
            M(Art1, MeasureKind.Award, Limits(Money.FromWan(2000)), [Ipo], Ipo, [ApplicantKind.FintechEnterprise, ApplicantKind.FinancialInstitution]),
            M(Art3, MeasureKind.Subsidy, Limits(Money.FromWan(10000)), [Stc, Ipo], Stc, [ApplicantKind.FintechEnterprise]),
            M(Art5, MeasureKind.NonMonetary, MeasureLimits.None, [Construction], null, Enterprises),
            M(Art17, MeasureKind.Subsidy, MeasureLimits.None with { CapSetByBureauRule = true, PerPerson = true }, [Hrss, Ipo], Hrss,
                [ApplicantKind.Person]),
            M(Art18, MeasureKind.Award,
                new MeasureLimits(Money.FromWan(100), null, true, CapScope.PerBeneficiaryOverPolicyPeriod, false, []),
                [Ipo, Talent], Ipo, [ApplicantKind.Person]),
            M(Art19, MeasureKind.Award, MeasureLimits.None with { Tiers = [Municipal, District] }, [Talent], Talent, [ApplicantKind.Person]),
        ];
        var policy = new Policy(PolicyHp, "黄投促办规〔2024〕3号", "黄浦区建设金融科技集聚区行动方案", "Huangpu fintech cluster action plan",
            new JurisdictionCode("SH-HP"), InForceFrom, InForceTo, measures);
        return PolicyCatalog.Empty with { Policies = [policy] };
    }

    private static MeasureLimits Limits(Money cap) => new(cap, null, false, CapScope.PerAward, false, []);

    private static Measure M(MeasureId id, MeasureKind kind, MeasureLimits limits, BureauCode[] bureaus, BureauCode? paying, ApplicantKind[] eligible) =>
        new(id, PolicyHp, id.Value.Split('/')[1], "第" + id.Value.Split('/')[1] + "条", "article " + id.Value.Split('/')[1], kind, limits,
            bureaus, paying, eligible, "source sentence");
}
