using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.WritingOffClawbacks;
using Grants.EventStore;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>Folds the tranches and clawbacks of an application into its view. A tranche shows what clawbacks (of this
/// or another application of the same beneficiary) withheld from it; a clawback splits its recoveries into repaid and
/// offset.</summary>
internal sealed class MoneyView(Application view, ApplicationExtras extras, bool monetary)
{
    public void Apply(StoredEvent stored, StepNote? note)
    {
        if (!monetary)
            return;
        var at = Timestamp.FromDateTimeOffset(stored.RecordedAt);
        switch (stored.Data)
        {
            case TrancheInstructed e:
                view.Tranches.Add(new Tranche
                {
                    PaymentReference = e.Reference, ApplicationId = view.ApplicationId, AmountFen = e.Amount.Fen,
                    OffsetFen = extras.OffsetOf(e.Reference), PayeeName = e.PayeeName, PayeeAccountMasked = Mask(e.PayeeBankAccount),
                    Status = TrancheStatus.Instructed, InstructedOn = Date.FromDateOnly(e.InstructedOn), InstructedAt = at,
                });
                break;
            case PaymentConfirmed e:
                var paid = TrancheOf(e.Reference);
                paid.Status = TrancheStatus.Paid;
                paid.PaidOn = Date.FromDateOnly(e.PaidOn);
                paid.TreasuryReference = e.TreasuryReference;
                break;
            case PaymentReturned e:
                var returned = TrancheOf(e.Reference);
                returned.Status = TrancheStatus.Returned;
                returned.ReturnedFen += e.Amount.Fen;
                break;
            case ClawbackOrdered e:
                view.Clawbacks.Add(new Clawback
                {
                    ClawbackId = e.ClawbackId.Value, ApplicationId = view.ApplicationId, ApplicantId = view.ApplicantId,
                    OrderedFen = e.Amount.Fen, Reason = e.Reason,
                    OrderedBy = new Officer { Id = e.OrderedBy.Value, BureauCode = note?.OfficerBureau ?? "" },
                    OrderedOn = Date.FromDateOnly(e.OrderedOn), DueOn = note?.DueOn is { } due ? Date.FromDateOnly(due) : null,
                    OrderedAt = at,
                });
                break;
            case ClawbackRecovered e when e.Kind == RecoveryKind.Offset:
                ClawbackOf(e.ClawbackId.Value).OffsetFen += e.Amount.Fen;
                break;
            case ClawbackRecovered e:
                ClawbackOf(e.ClawbackId.Value).RepaidFen += e.Amount.Fen;
                break;
            case ClawbackWrittenOff e:
                ClawbackOf(e.ClawbackId.Value).WrittenOffFen += e.Amount.Fen;
                break;
        }
    }

    /// <summary>Outstanding and status follow from the sums.</summary>
    public void Complete()
    {
        foreach (var clawback in view.Clawbacks)
        {
            clawback.OutstandingFen = clawback.OrderedFen - clawback.RepaidFen - clawback.OffsetFen - clawback.WrittenOffFen;
            clawback.Status = clawback.OutstandingFen > 0 ? ClawbackStatus.Open
                : clawback.WrittenOffFen > 0 ? ClawbackStatus.WrittenOff
                : ClawbackStatus.Recovered;
        }
    }

    /// <summary>Only the last four characters: enough for the treasury and the beneficiary to recognise the account.</summary>
    public static string Mask(string account)
    {
        var compact = account.Replace(" ", "", StringComparison.Ordinal);
        return compact.Length <= 4 ? new string('*', compact.Length) : new string('*', compact.Length - 4) + compact[^4..];
    }

    private Tranche TrancheOf(string reference) => view.Tranches.First(t => t.PaymentReference == reference);

    private Clawback ClawbackOf(string id) => view.Clawbacks.First(c => c.ClawbackId == id);
}
