using Grants.Domain;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applicants.Registering;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Catalog;
using Grants.EventStore;
using Grants.Projections.Catalog;
using Npgsql;

namespace Grants.Projections.Ledgers;

/// <summary>Keeps the budget, beneficiary and award ledgers inside the append's transaction, and refuses (by throwing
/// <see cref="LedgerRefusedException"/>) any event that would break a limit. The arithmetic is the domain's
/// <see cref="Grants.Domain.Ledgers.LedgerBook"/>, which tests hold this projection to. Every ledger write but
/// the catalog's is a late write, sent with the chain step: locks are always taken in the order standing → award →
/// budget line → beneficiary line, then the event store's chain head, so concurrent appends cannot deadlock, a hot
/// budget or beneficiary line is held only for the chain step's round trip and the commit, and an approval costs the
/// command path no round trip of its own. The exception is a line a group-commit batch crowds on, which the batch
/// locks first and holds to its commit (<see cref="CrowdedBudgetLines"/>): a deadlock that meets makes one command a
/// lost race, retried, or the batch's opening fail, and the batch runs again without it.</summary>
public sealed class LedgerProjection : ILateWritingProjection, IOpensBatches
{
    private readonly CommittedStandingRows _standingRows = new();

    /// <summary>All but the catalog's rows, which are written at once. A crowded budget line is read under lock, but
    /// only this batch's memory moves it (<see cref="CrowdedBudgetLines"/>).</summary>
    public bool WritesOnlyLate(object data) => data is not (PolicyRegistered or PolicyRevised);

    public ClaimRead? Open(BatchScope scope) => CrowdedBudgetLines.Open(scope);

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        var late = new LateWrites();
        await Apply(connection, transaction, events, late, ct);
        await late.ExecuteNow(connection, transaction, ct);
    }

    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events,
                                 LateWrites late, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            try
            {
                await Apply(connection, transaction, stored, late, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // The catalog's rows are written at once; a CHECK they break is named like a late write's.
                throw new LedgerRefusedException(new DomainError(
                    LedgerErrorCodes.LedgerConstraint, $"refused by ledger rule {ex.ConstraintName} ({stored.EventType})"));
            }
        }
    }

    private async Task Apply(NpgsqlConnection c, NpgsqlTransaction t, StoredEvent stored, LateWrites late, CancellationToken ct)
    {
        var at = stored.RecordedAt;
        var budgets = new BudgetLedgerWriter(late, at);
        var beneficiaries = new BeneficiaryLedgerWriter(late, at);
        var awards = new AwardWriter(late, at, stored.EventType);
        var standing = new StandingWriter(late, at, _standingRows);

        // Late writes keep their order, so each case queues them as locks are taken everywhere: standing, award, budget
        // line, beneficiary line. An award's own rule (its window, its CHECKs) is thereby still named before the money.
        switch (stored.Data)
        {
            case PolicyRegistered e:
                await CatalogMeasuresWriter.Upsert(c, t, e.Policy, ct);
                break;
            case PolicyRevised e:
                await CatalogMeasuresWriter.Upsert(c, t, e.Policy, ct);
                break;
            case ApplicantRegistered e:
                standing.Register(e.BeneficiaryKey);
                break;
            case ApplicantCreditFlagged e:
                standing.Set(e.BeneficiaryKey, flagged: true, e.RegistryReference);
                break;
            case ApplicantCreditCleared e:
                standing.Set(e.BeneficiaryKey, flagged: false, e.RegistryReference);
                break;
            case AppropriationMade e:
                budgets.Appropriate(e.Budget, e.Amount);
                break;
            case AppropriationAdjusted e:
                budgets.Adjust(e.Budget, e.Delta);
                break;
            case AwardApproved e:
                standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "approved");
                awards.Approve(e);
                await budgets.Commit(e.Ledger.Budget, e.Amount, c, t, ct);
                beneficiaries.Award(e.Ledger, e.Amount);
                break;
            case AwardAmended e:
                if (e.Delta.IsPositive)
                {
                    standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "awarded");
                }

                awards.Amend(e.ApplicationId, e.Delta);
                await budgets.Commit(e.Ledger.Budget, e.Delta, c, t, ct);
                beneficiaries.Award(e.Ledger, e.Delta);
                break;
            case TrancheInstructed e:
                standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "paid");
                awards.EnsureInWindow(e.Ledger.Measure, e.InstructedOn, "instructed for payment");
                break;
            case PaymentConfirmed e:
                awards.Pay(e.ApplicationId, e.Amount);
                budgets.Pay(e.Ledger.Budget, e.Amount);
                beneficiaries.Pay(e.Ledger, e.Amount);
                break;
            case PaymentReturned e:
                awards.Pay(e.ApplicationId, -e.Amount);
                budgets.Pay(e.Ledger.Budget, -e.Amount);
                beneficiaries.Pay(e.Ledger, -e.Amount);
                break;
            case ClawbackRecovered e:
                awards.Recover(e.ApplicationId, e.Amount);
                budgets.Recover(e.Ledger.Budget, e.Amount);
                break;
        }
    }
}
