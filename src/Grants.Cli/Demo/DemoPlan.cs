using Bogus;
using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>Decides demo application i from the seed and the catalog alone, so the same run can be replayed.
/// Every application has its own enterprise (a credit flag on one never blocks another's approval); about one in
/// seven is for a person the enterprise nominates, under a talent measure.</summary>
public static class DemoPlan
{
    /// <summary>12,000,000 yuan: above the default two-approver threshold of 10,000,000 yuan.</summary>
    public const long LargeAwardFen = 1_200_000_000;

    private const long Unit = 10_000;                  // amounts are whole hundreds of yuan
    private const long TypicalLowFen = 5_000_000;      // 50,000 yuan
    private const long TypicalHighFen = 500_000_000;   // 5,000,000 yuan

    public static DemoCase Case(int seed, int index, IReadOnlyList<DemoMeasure> measures)
    {
        if (measures.Count == 0)
            throw new ArgumentException("the catalog has no monetary measure with a cap in force", nameof(measures));
        var f = DemoFakes.Faker(Seeds.For(seed, Seeds.Application, index));
        var path = DemoPaths.Of(index);
        var enterprise = DemoFakes.Enterprise(seed, index);
        var forPerson = index % 7 == 3 && !DemoPaths.NeedsLargeAward(path) && measures.Any(m => m.EligibleKinds.Contains(ApplicantKind.Person));
        var kind = forPerson ? ApplicantKind.Person : enterprise.Kind;

        var eligible = measures.Where(m => m.EligibleKinds.Contains(kind)).ToList();
        if (eligible.Count == 0)
            throw new ArgumentException($"no usable measure is open to {kind}", nameof(measures));
        var large = DemoPaths.NeedsLargeAward(path) ? eligible.Where(m => m.CapFen >= LargeAwardFen).ToList() : [];
        var measure = f.PickRandom(large.Count > 0 ? large : eligible);

        var (requested, award, amended) = large.Count > 0
            ? (LargeAwardFen, LargeAwardFen, LargeAwardFen)
            : Amounts(f, measure);
        var bureau = f.PickRandom(measure.ResponsibleBureaus.ToList());
        var (first, second) = Officers.Approver(bureau, f.Random.Number(0, 99));
        return new DemoCase(
            index, path, enterprise, forPerson ? DemoFakes.Person(seed, index) : null, measure, DemoFakes.Project(f),
            bureau, Officers.Assessor(bureau, f.Random.Number(0, 99)), first, second,
            Officers.Finance(measure.PayingBureau, f.Random.Number(0, 99)), f.Random.Number(60, 95),
            requested, award, amended);
    }

    /// <summary>A request between a typical low and high (within the measure's floor and cap), an award of about
    /// nine tenths of it, and an amendment cutting the award to about four fifths; never below the floor.</summary>
    private static (long Requested, long Award, long Amended) Amounts(Faker f, DemoMeasure m)
    {
        var floor = Math.Max(m.FloorFen, Math.Min(m.CapFen / 5, TypicalLowFen));
        var high = Math.Min(m.CapFen, Math.Max(floor, TypicalHighFen));
        var lowUnits = (floor + Unit - 1) / Unit;
        var low = Math.Min(lowUnits * Unit, high);
        var highUnits = high / Unit;
        var requested = highUnits >= lowUnits ? f.Random.Long(lowUnits, highUnits) * Unit : high;
        var award = Math.Min(requested, Math.Max(low, requested * 9 / 10 / Unit * Unit));
        var amended = Math.Min(award, Math.Max(low, award * 4 / 5 / Unit * Unit));
        return (requested, award, amended);
    }
}
