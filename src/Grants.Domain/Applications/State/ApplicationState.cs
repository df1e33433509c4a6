using System.Collections.Immutable;
using Grants.Domain.Catalog;

namespace Grants.Domain.Applications;

/// <summary>Everything decisions about one application need, folded from its stream by
/// <see cref="ApplicationDecider.Evolve"/>. Money sums are derived from the tranches and clawbacks, never stored twice.</summary>
public sealed record ApplicationState
{
    public static readonly ApplicationState Initial = new();

    public ApplicationId? Id { get; init; }

    public ApplicationStatus Status { get; init; }

    public ApplicantId? ApplicantId { get; init; }

    public MeasureId? MeasureId { get; init; }

    public ApplicantKind ApplicantKind { get; init; }

    public string BeneficiaryKey { get; init; } = "";

    public Money RequestedAmount { get; init; }

    public string? TierCode { get; init; }

    /// <summary>Date of the latest step; steps before approval may not be dated earlier than the one before them.</summary>
    public DateOnly LastStepOn { get; init; }

    public Assessment? Assessment { get; init; }

    /// <summary>First of two approvals of a large award, waiting for the second approver.</summary>
    public PendingApproval? PendingApproval { get; init; }

    public Award? Award { get; init; }

    /// <summary>First of two approvals of a large amendment, waiting for the second approver.</summary>
    public PendingApproval? PendingAmendment { get; init; }

    public PaymentHold? Hold { get; init; }

    public ImmutableList<Tranche> Tranches { get; init; } = [];

    public ImmutableList<Clawback> Clawbacks { get; init; } = [];

    /// <summary>Amounts withheld from other applications' tranches to recover this application's clawbacks.</summary>
    public ImmutableList<Offset> Offsets { get; init; } = [];

    public bool Exists => Status != ApplicationStatus.None;

    public bool OnHold => Hold is not null;

    /// <summary>Instructed and not yet confirmed: still committed in the budget ledger.</summary>
    public Money InFlight => Sum(Tranches.Where(t => t.Status == TrancheStatus.Instructed).Select(t => t.Amount));

    /// <summary>Confirmed and not returned.</summary>
    public Money Paid => Sum(Tranches.Where(t => t.Status == TrancheStatus.Confirmed).Select(t => t.Amount));

    /// <summary>In flight plus paid: what a new tranche or a cut of the award must leave room for.</summary>
    public Money Disbursed => InFlight + Paid;

    /// <summary>What clawbacks still claim: ordered minus written off. Kept at or below <see cref="Paid"/>.</summary>
    public Money Claimed => Sum(Clawbacks.Select(c => c.Amount - c.WrittenOff));

    public Money Recovered => Sum(Clawbacks.Select(c => c.Recovered));

    /// <summary>Everyone who approved the award or an amendment of it (separation of duties for clawbacks).</summary>
    public IEnumerable<OfficialId> Approvers => Award?.Approvers ?? [];

    public Tranche? FindTranche(string reference) => Tranches.FirstOrDefault(t => t.Reference == reference);

    public Clawback? FindClawback(ClawbackId id) => Clawbacks.FirstOrDefault(c => c.Id == id);

    private static Money Sum(IEnumerable<Money> amounts) => amounts.Aggregate(Money.Zero, (a, b) => a + b);
}
