using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.InstructingTranches;
using Grants.EventStore;

namespace Grants.Projections.Tests.Support;

/// <summary>Walks the global order: between a credit flag and its clearing, no award may be approved or raised and
/// no tranche instructed for that beneficiary. Positions are the commit order, so this is what an auditor would see.</summary>
internal static class StandingAssert
{
    public static void NothingGrantedWhileFlagged(IEnumerable<StoredEvent> history)
    {
        var flagged = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var stored in history)
        {
            switch (stored.Data)
            {
                case ApplicantCreditFlagged e:
                    flagged[e.BeneficiaryKey] = stored.Position;
                    break;
                case ApplicantCreditCleared e:
                    flagged.Remove(e.BeneficiaryKey);
                    break;
                case AwardApproved e:
                    NotFlagged(flagged, e.Ledger.BeneficiaryKey, stored);
                    break;
                case AwardAmended { Delta.IsPositive: true } e:
                    NotFlagged(flagged, e.Ledger.BeneficiaryKey, stored);
                    break;
                case TrancheInstructed e:
                    NotFlagged(flagged, e.Ledger.BeneficiaryKey, stored);
                    break;
            }
        }
    }

    private static void NotFlagged(Dictionary<string, long> flagged, string beneficiary, StoredEvent stored)
    {
        if (flagged.TryGetValue(beneficiary, out var since))
            Assert.Fail($"{stored.EventType} at position {stored.Position} ({stored.StreamId}) follows the credit flag at position {since}");
    }
}
