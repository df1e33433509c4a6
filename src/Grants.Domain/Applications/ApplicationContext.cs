using Grants.Domain.Applicants;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

/// <summary>What a decision about an application may consult besides its own stream: the catalog (limits, bureaus,
/// validity windows), the applicant's current state (kind, credit standing, beneficiary key) and settings.</summary>
/// <param name="Applicant">The applicant of the application (for a submission: the one named in the command).</param>
public sealed record ApplicationContext(PolicyCatalog Catalog, ApplicantState Applicant)
{
    /// <summary>1000万 yuan: awards at or above it need two distinct approvers.</summary>
    public static readonly Money DefaultDualApprovalThreshold = new(1_000_000_000);

    public Money DualApprovalThreshold { get; init; } = DefaultDualApprovalThreshold;

    /// <summary>Only for <see cref="RecoveringClawbacks.OffsetClawback"/>: the state of the application whose tranche
    /// the clawback is withheld from.</summary>
    public ApplicationState? OffsetAgainst { get; init; }
}
