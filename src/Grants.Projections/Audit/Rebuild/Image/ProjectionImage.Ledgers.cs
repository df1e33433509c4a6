using System.Runtime.CompilerServices;
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
using Grants.Projections.Audit.Rebuild.Feed;

namespace Grants.Projections.Audit.Rebuild.Image;

internal sealed partial class ProjectionImage
{
    /// <summary>LedgerProjection, step for step (the order decides which refusal an event meets first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Ledgers(in ReplayedEvent stored)
    {
        var at = stored.RecordedAt.UtcDateTime;
        switch (stored.Data)
        {
            case PolicyRegistered e:
                _catalog.Upsert(e.Policy);
                break;
            case PolicyRevised e:
                _catalog.Upsert(e.Policy);
                break;
            case ApplicantRegistered e:
                _standing.Register(e.BeneficiaryKey, at);
                break;
            case ApplicantCreditFlagged e:
                _standing.Set(e.BeneficiaryKey, flagged: true, e.RegistryReference, at);
                break;
            case ApplicantCreditCleared e:
                _standing.Set(e.BeneficiaryKey, flagged: false, e.RegistryReference, at);
                break;
            case AppropriationMade e:
                _budgets.Appropriate(e.Budget, e.Amount, at);
                break;
            case AppropriationAdjusted e:
                _budgets.Adjust(e.Budget, e.Delta, at);
                break;
            case AwardApproved e:
                _standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "approved", at);
                _awards.EnsureAdmissible(e);
                _budgets.Commit(e.Ledger.Budget, e.Amount, at);
                _beneficiaries.Award(e.Ledger, e.Amount, at);
                _awards.Approve(e, at);
                break;
            case AwardAmended e:
                if (e.Delta.IsPositive)
                    _standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "awarded", at);
                _budgets.Commit(e.Ledger.Budget, e.Delta, at);
                _beneficiaries.Award(e.Ledger, e.Delta, at);
                _awards.Amend(e.ApplicationId, e.Delta, at);
                break;
            case TrancheInstructed e:
                _standing.EnsureNotFlagged(e.Ledger.BeneficiaryKey, "paid", at);
                _awards.EnsureInWindow(e.Ledger.Measure, e.InstructedOn, "instructed for payment");
                break;
            case PaymentConfirmed e:
                _budgets.Pay(e.Ledger.Budget, e.Amount, at);
                _beneficiaries.Pay(e.Ledger, e.Amount, at);
                _awards.Pay(e.ApplicationId, e.Amount, at);
                break;
            case PaymentReturned e:
                _budgets.Pay(e.Ledger.Budget, -e.Amount, at);
                _beneficiaries.Pay(e.Ledger, -e.Amount, at);
                _awards.Pay(e.ApplicationId, -e.Amount, at);
                break;
            case ClawbackRecovered e:
                _budgets.Recover(e.Ledger.Budget, e.Amount, at);
                _awards.Recover(e.ApplicationId, e.Amount, at);
                break;
        }
    }
}
