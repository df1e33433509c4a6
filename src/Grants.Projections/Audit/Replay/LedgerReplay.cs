using Grants.Domain;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Budgets.AdjustingAppropriations;
using Grants.Domain.Budgets.Appropriating;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Audit.Reading;

namespace Grants.Projections.Audit.Replay;

/// <summary>The ledgers as they stood at a point, computed from the events alone with the domain's reference
/// arithmetic (<see cref="LedgerBook"/>), never from the live tables an auditor is checking.</summary>
public sealed class LedgerReplay(AuditLog log, EventTypeRegistry types)
{
    /// <summary>The only events that move a <see cref="LedgerBook"/>; reading just these keeps a replay cheap.</summary>
    public static readonly IReadOnlyList<string> MoneyEventTypes =
    [
        AppropriationMade.Name, AppropriationAdjusted.Name, AwardApproved.Name, AwardAmended.Name,
        PaymentConfirmed.Name, PaymentReturned.Name, ClawbackRecovered.Name,
    ];

    public async Task<ReplayedLedgers> Replay(ReplayPoint point, CancellationToken ct)
    {
        var head = await log.HeadPosition(ct);
        var (through, filter) = point switch
        {
            ReplayPoint.AtPosition p => ((long?)p.Position, new EventFilter(EventTypes: MoneyEventTypes)),
            ReplayPoint.AtMoment m => (head, new EventFilter(EventTypes: MoneyEventTypes, RecordedBefore: EventFilter.JustAfter(m.Moment))),
            _ => throw new ArgumentOutOfRangeException(nameof(point)),
        };

        var book = LedgerBook.Empty;
        long count = 0, last = 0;
        await foreach (var raw in log.Read(0, through, filter, ct))
        {
            book = book.Apply((IDomainEvent)types.Deserialize(raw.EventType, raw.DataJson));
            count++;
            last = raw.Position;
        }

        var position = point is ReplayPoint.AtPosition at ? Math.Min(at.Position, head) : last;
        return new ReplayedLedgers(book, position, count, head);
    }
}

/// <param name="Position">For a position: the position replayed through; for a moment: the highest position included.</param>
public sealed record ReplayedLedgers(LedgerBook Book, long Position, long EventsReplayed, long HeadPosition);
