using System.Globalization;

namespace Grants.Cli.Demo;

/// <summary>Request ids (and the references the demo quotes as if from the treasury or the credit registry) derived from the seed and what a call is for, never random: running the demo again
/// replays every call already made (the server answers from its record) and only makes the missing ones.</summary>
public sealed class RequestIds(int seed)
{
    public string Enterprise(int index) => $"demo-s{seed}-ent{Four(index)}-register";

    public string Person(int index) => $"demo-s{seed}-per{Four(index)}-register";

    public string Application(int index, string what) => $"demo-s{seed}-app{Four(index)}-{what}";

    public string Step(int index, int position, DemoStep step) =>
        Application(index, $"{position.ToString("00", CultureInfo.InvariantCulture)}-{step}");

    public string OpeningBudget(string bureau, int fiscalYear, string measureId) =>
        $"demo-s{seed}-budget-{bureau}-{fiscalYear.ToString(CultureInfo.InvariantCulture)}-{measureId}";

    public string BureauCap(string measureId) => $"demo-s{seed}-cap-{measureId}";

    /// <summary>A treasury or credit registry reference ("DEMO42-PAY-0007-05"), unique per seed, case and step.</summary>
    public string Reference(string kind, int index, int position) =>
        $"DEMO{seed}-{kind}-{Four(index)}-{position.ToString("00", CultureInfo.InvariantCulture)}";

    private static string Four(int index) => index.ToString("0000", CultureInfo.InvariantCulture);
}
