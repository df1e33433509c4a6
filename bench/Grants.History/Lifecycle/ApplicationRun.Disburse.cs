using Grants.Domain;
using Grants.Domain.Applicants.ClearingCredit;
using Grants.Domain.Applicants.FlaggingCredit;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Closing;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.HoldingPayments;
using Grants.Domain.Applications.InstructingTranches;
using Grants.Domain.Applications.OrderingClawbacks;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Applications.ReleasingPayments;
using Grants.Domain.Applications.WritingOffClawbacks;

namespace Grants.History.Lifecycle;

/// <summary>After approval: a credit flag or a hold may stop payments for a while, the award may be amended before
/// the first tranche, the tranches are instructed and confirmed (one may come back and be paid again), a clawback may
/// follow, and a settled award is closed.</summary>
public sealed partial class ApplicationRun
{
    private async Task Disburse(CancellationToken ct)
    {
        var finance = Officer.Finance(_bureau, f.Random.Number(0, 99));
        if (plan.Flag)
            await FlagAndClear(finance, ct);
        if (plan.AmendTo is { } to)
            await Amend(to, ct);

        var award = _state.Award!.CurrentAmount;
        var parts = Split(award, plan.Tranches);
        for (var i = 0; i < parts.Count; i++)
        {
            if (plan.Hold && i == parts.Count / 2)
            {
                await Do(new HoldPayments(id, f.PickRandom(Phrases.Holds), calendar.After(1, 10)), finance.Note(), ct);
                await Do(new ReleasePayments(id, f.PickRandom(Phrases.Releases), calendar.After(5, 30)), finance.Note(), ct);
            }
            var reference = await Pay(parts[i], _applicant.Enterprise.BankAccount, finance, ct);
            if (plan.Return && i == 0)
            {
                await Do(new RecordPaymentReturn(id, reference, f.PickRandom(Phrases.Returns), calendar.After(2, 10)), null, ct);
                await Pay(parts[i], f.Random.ReplaceNumbers("6228############"), finance, ct);
            }
        }

        if (plan.Clawback)
            await ClawBack(finance, ct);
        else if (plan.Close)
            await Do(new CloseApplication(id, Phrases.Optional(f, Phrases.Closings), calendar.After(10, 60)), null, ct);
    }

    private async Task<string> Pay(Money amount, string account, Officer finance, CancellationToken ct)
    {
        var number = _state.Tranches.Count + 1;
        await Do(new InstructTranche(id, number, amount, _applicant.Enterprise.Name, account, calendar.After(3, 30)), finance.Note(), ct);
        var reference = TrancheInstructed.ReferenceFor(id, number);
        var paidOn = calendar.After(1, 5);
        await Do(new ConfirmPayment(id, reference, $"GK{paidOn:yyyyMMdd}{f.Random.Number(100000, 999999)}", paidOn), null, ct);
        return reference;
    }

    /// <summary>The registry lists the applicant; payments are held until the listing is lifted (信用修复).</summary>
    private async Task FlagAndClear(Officer finance, CancellationToken ct)
    {
        var reference = $"XYZG-{calendar.Today:yyyy}-{f.Random.Number(10000, 99999)}";
        await DoApplicant(new FlagCredit(_applicant.Enterprise.ApplicantId, reference, "列入严重违法失信名单", calendar.After(1, 10)), ct);
        await Do(new HoldPayments(id, "申请人被列入严重违法失信名单，暂停拨付", calendar.After(0, 3)), finance.Note(), ct);
        await DoApplicant(new ClearCredit(_applicant.Enterprise.ApplicantId, reference, "完成信用修复，移出名单", calendar.After(20, 60)), ct);
        await Do(new ReleasePayments(id, "信用修复完成，恢复拨付", calendar.After(0, 5)), finance.Note(), ct);
    }

    /// <summary>A raise is reserved on the award's budget line first; at or above the threshold two approvers amend.</summary>
    private async Task Amend(Money to, CancellationToken ct)
    {
        var award = _state.Award!;
        var on = calendar.After(5, 40);
        if (to > award.CurrentAmount)
            await desk.Budgets.Reserve(award.Ledger.Budget, to - award.CurrentAmount, on, ct);
        var (approver, second) = Officer.Approver(_bureau, f.Random.Number(0, 99));
        var reason = f.PickRandom(Phrases.Amendments);
        await Do(new AmendAward(id, approver.Id, approver.Bureau, to, reason, on), approver.Note(), ct);
        if (_state.PendingAmendment is not null)
            await Do(new AmendAward(id, second.Id, second.Bureau, to, reason, on), second.Note(), ct);
    }

    /// <summary>Part of what was paid is ordered back, repaid (in full, or in part and the rest written off); the
    /// recovery that settles the last clawback closes the award in the same append.</summary>
    private async Task ClawBack(Officer finance, CancellationToken ct)
    {
        var paid = _state.Paid;
        var amount = new Money(Math.Max(100, paid.Fen / 100 * f.Random.Number(10, 50)));
        var clawback = ClawbackId.From("C1");
        var orderedOn = calendar.After(30, 120);
        await Do(new OrderClawback(id, clawback, finance.Id, f.PickRandom(Phrases.Clawbacks), amount, orderedOn),
            finance.Note() with { DueOn = orderedOn.AddDays(30) }, ct);
        var repaid = plan.WriteOff ? new Money(Math.Max(1, amount.Fen / 100 * f.Random.Number(20, 80))) : amount;
        await Do(new RecordClawbackRepayment(id, clawback, repaid, $"HK{calendar.Today:yyyyMMdd}{f.Random.Number(1000, 9999)}",
            calendar.After(5, 30)), finance.Note(), ct, closeIfSettled: true);
        if (plan.WriteOff)
            await Do(new WriteOffClawback(id, clawback, f.PickRandom(Phrases.WriteOffs), calendar.After(30, 90)), finance.Note(), ct,
                closeIfSettled: true);
    }

    private static List<Money> Split(Money total, int count)
    {
        var share = total.Fen / count / 100 * 100;
        var parts = Enumerable.Repeat(new Money(share), count - 1).ToList();
        parts.Add(total - new Money(share * (count - 1)));
        return [.. parts.Where(p => p.IsPositive)];
    }
}
