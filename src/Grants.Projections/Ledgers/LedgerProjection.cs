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
/// <see cref="Grants.Domain.Ledgers.LedgerBook"/>, which tests hold this projection to. Locks are always taken in
/// the order standing → budget → beneficiary → award, and the event store takes its chain-head lock after all of
/// them, so concurrent appends cannot deadlock.</summary>
public sealed class LedgerProjection : IInlineProjection
{
    public async ValueTask Apply(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<StoredEvent> events, CancellationToken ct)
    {
        foreach (var stored in events)
        {
            try
            {
                await Apply(connection, transaction, stored, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.CheckViolation)
            {
                // Only reachable if a conditional update above was bypassed: the constraint still refuses the money.
                throw new LedgerRefusedException(new DomainError(
                    LedgerErrorCodes.LedgerConstraint, $"refused by ledger rule {ex.ConstraintName} ({stored.EventType})"));
            }
        }
    }

    private static async Task Apply(NpgsqlConnection c, NpgsqlTransaction t, StoredEvent stored, CancellationToken ct)
    {
        var at = stored.RecordedAt;
        var budgets = new BudgetLedgerWriter(c, t, at, ct);
        var beneficiaries = new BeneficiaryLedgerWriter(c, t, at, ct);
        var awards = new AwardWriter(c, t, at, ct);
        var standing = new StandingWriter(c, t, at, ct);

        switch (stored.Data)
        {
            case PolicyRegistered e:
                await CatalogMeasuresWriter.Upsert(c, t, e.Policy, ct);
                break;
            case PolicyRevised e:
                await CatalogMeasuresWriter.Upsert(c, t, e.Policy, ct);
                break;
            case ApplicantRegistered e:
                await standing.Register(e.BeneficiaryKey);
                break;
            case ApplicantCreditFlagged e:
                await standing.Set(e.BeneficiaryKey, flagged: true, e.RegistryReference);
                break;
            case ApplicantCreditCleared e:
                await standing.Set(e.BeneficiaryKey, flagged: false, e.RegistryReference);
                break;
            case AppropriationMade e:
                await budgets.Appropriate(e.Budget, e.Amount);
                break;
            case AppropriationAdjusted e:
                await budgets.Adjust(e.Budget, e.Delta);
                break;
            case AwardApproved e:
                await standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "approved");
                await awards.EnsureAdmissible(e);
                await budgets.Commit(e.Ledger.Budget, e.Amount);
                await beneficiaries.Award(e.Ledger, e.Amount);
                await awards.Approve(e);
                break;
            case AwardAmended e:
                if (e.Delta.IsPositive)
                {
                    await standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "awarded");
                }

                await budgets.Commit(e.Ledger.Budget, e.Delta);
                await beneficiaries.Award(e.Ledger, e.Delta);
                await awards.Amend(e.ApplicationId, e.Delta);
                break;
            case TrancheInstructed e:
                await standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "paid");
                await awards.EnsureInWindow(e.Ledger.Measure, e.InstructedOn, "instructed for payment");
                break;
            case PaymentConfirmed e:
                await budgets.Pay(e.Ledger.Budget, e.Amount);
                await beneficiaries.Pay(e.Ledger, e.Amount);
                await awards.Pay(e.ApplicationId, e.Amount);
                break;
            case PaymentReturned e:
                await budgets.Pay(e.Ledger.Budget, -e.Amount);
                await beneficiaries.Pay(e.Ledger, -e.Amount);
                await awards.Pay(e.ApplicationId, -e.Amount);
                break;
            case ClawbackRecovered e:
                await budgets.Recover(e.Ledger.Budget, e.Amount);
                await awards.Recover(e.ApplicationId, e.Amount);
                break;
        }
    }
}
