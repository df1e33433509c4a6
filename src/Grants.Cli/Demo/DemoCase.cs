using Grants.Contracts.V1;

namespace Grants.Cli.Demo;

/// <summary>Everything about demo application <see cref="Index"/> that does not depend on the server's answers:
/// who applies, under which measure, for how much, decided by whom, and where it ends up.</summary>
public sealed record DemoCase(
    int Index,
    DemoPath Path,
    DemoEnterprise Enterprise,
    DemoPerson? Person,
    DemoMeasure Measure,
    DemoProject Project,
    string DecidingBureau,
    string Assessor,
    string FirstApprover,
    string SecondApprover,
    string FinanceOfficer,
    int Score,
    long RequestedFen,
    long AwardFen,
    long AmendedFen)
{
    public ApplicantKind ApplicantKind => Person is null ? Enterprise.Kind : ApplicantKind.Person;

    public string PayeeName => Person?.FullName ?? Enterprise.Name;

    public string PayeeAccount => Person?.BankAccount ?? Enterprise.BankAccount;

    public IReadOnlyList<DemoStep> Steps => DemoPaths.Steps(Path);
}
