using Google.Protobuf.WellKnownTypes;
using Grants.Contracts.V1;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.Assessing;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.RejectingEligibility;
using Grants.Domain.Applications.Rejecting;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.Submitting;
using Grants.Domain.Applications.Withdrawing;
using Grants.EventStore;
using Grants.Projections.Applications;

namespace Grants.Api.Services.Applications;

/// <summary>An application as the contract shows it, folded from its stored events (the recorded times are the
/// timestamps) with the notes of its steps. Money movements are folded by <see cref="MoneyView"/>.</summary>
public static class ApplicationView
{
    public static Application Build(ApplicationRecord record)
    {
        var (history, extras) = (record.History, record.Extras);
        var view = new Application
        {
            ApplicationId = history.Id.Value,
            Status = ApplicationStatuses.Of(history.State),
            PaidFen = history.State.Paid.Fen,
            Version = history.Version,
        };
        var monetary = history.State.MeasureId is { } measure && record.Catalog.FindMeasure(measure) is { IsMonetary: true };
        var money = new MoneyView(view, extras, monetary);
        foreach (var stored in history.Events)
        {
            var note = extras.NoteAt(stored.Version);
            Apply(view, stored, note, monetary);
            money.Apply(stored, note);
            view.UpdatedAt = Timestamp.FromDateTimeOffset(stored.RecordedAt);
        }
        money.Complete();
        return view;
    }

    private static void Apply(Application view, StoredEvent stored, StepNote? note, bool monetary)
    {
        var at = Timestamp.FromDateTimeOffset(stored.RecordedAt);
        switch (stored.Data)
        {
            case ApplicationSubmitted e:
                view.ApplicantId = e.ApplicantId.Value;
                view.MeasureId = e.MeasureId.Value;
                view.TierCode = e.TierCode ?? "";
                view.Title = note?.Title ?? "";
                view.Description = note?.Description ?? "";
                view.SubmittedAt = at;
                if (monetary)
                    view.RequestedAmountFen = e.RequestedAmount.Fen;
                break;
            case ApplicationWithdrawn e:
                view.DecisionReason = e.Reason;
                break;
            case EligibilityRejected e:
                view.DecisionReason = e.Reason;
                break;
            case ApplicationRejected e:
                view.DecisionReason = e.Reason;
                break;
            case ApplicationAssessed e:
                view.Assessment = new Assessment
                {
                    Assessor = new Officer { Id = e.Assessor.Value, BureauCode = note?.OfficerBureau ?? "" },
                    Score = e.Score,
                    Conflict = new ConflictDeclaration { HasConflict = e.Declaration.HasConflict, Statement = e.Declaration.Details ?? "" },
                    Comment = note?.Comment ?? "",
                    AssessedAt = at,
                };
                if (monetary)
                    view.Assessment.RecommendedAmountFen = e.RecommendedAmount.Fen;
                break;
            case AwardFirstApprovalRecorded e:
                view.Award = new Award
                {
                    OriginalAmountFen = e.Amount.Fen, CurrentAmountFen = e.Amount.Fen, FiscalYear = e.ApprovedOn.Year,
                    PayingBureauCode = e.PayingBureau.Value, ApprovedOn = Date.FromDateOnly(e.ApprovedOn), TierCode = view.TierCode,
                    Approvers = { new Officer { Id = e.Approver.Value, BureauCode = e.ApproverBureau.Value } },
                };
                break;
            case AwardApproved e:
                var first = e.FirstApprover is null ? null : view.Award?.Approvers.FirstOrDefault(o => o.Id == e.FirstApprover.Value);
                view.Award = new Award
                {
                    OriginalAmountFen = e.Amount.Fen, CurrentAmountFen = e.Amount.Fen, FiscalYear = e.Ledger.FiscalYear,
                    PayingBureauCode = e.Ledger.PayingBureau.Value, ApprovedOn = Date.FromDateOnly(e.ApprovedOn), TierCode = view.TierCode,
                };
                if (first is not null)
                    view.Award.Approvers.Add(first);
                view.Award.Approvers.Add(new Officer { Id = e.Approver.Value, BureauCode = note?.OfficerBureau ?? "" });
                break;
            case AwardAmended e:
                view.Award.CurrentAmountFen = e.NewAmount.Fen;
                view.Award.AmendmentCount++;
                break;
            case PaymentsHeld e:
                view.Hold = new PaymentHold { OnHold = true, Reason = e.Reason, Officer = note?.OfficerOf(), ChangedAt = at };
                break;
            case PaymentsReleased e:
                view.Hold = new PaymentHold { OnHold = false, Reason = e.Reason, Officer = note?.OfficerOf(), ChangedAt = at };
                break;
        }
    }
}
