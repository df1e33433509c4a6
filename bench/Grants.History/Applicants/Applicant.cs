using Grants.Domain.Applicants;

namespace Grants.History.Applicants;

/// <summary>A registered enterprise as the history knows it: its stream's state and version. Only the application
/// that owns a not-shared applicant flags it, so nobody else decides on a state that is about to change.</summary>
public sealed class Applicant(Enterprise enterprise, ApplicantState state, long version)
{
    public Enterprise Enterprise { get; } = enterprise;

    public ApplicantState State { get; set; } = state;

    public long Version { get; set; } = version;
}
