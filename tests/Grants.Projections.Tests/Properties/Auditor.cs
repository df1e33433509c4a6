using Grants.Domain;
using Grants.Domain.Applications.Amending;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Applications.ConfirmingPayments;
using Grants.Domain.Applications.RecordingReturns;
using Grants.Domain.Applications.RecoveringClawbacks;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.Properties;

/// <summary>Reads the global log as it grows and keeps what the SQL ledgers must say: <see cref="LedgerBook"/> for the
/// budget and beneficiary rows and a fold of the award events for grants.awards.</summary>
internal sealed class Auditor(PostgresEventStore store)
{
    private const int Page = 1000;

    private readonly Dictionary<string, AwardRow> _awards = new(StringComparer.Ordinal);
    private readonly List<StoredEvent> _history = [];

    public LedgerBook Book { get; private set; } = LedgerBook.Empty;

    public IReadOnlyList<StoredEvent> History => _history;

    public IReadOnlyList<AwardRow> Awards => [.. _awards.Values.OrderBy(a => a.ApplicationId, StringComparer.Ordinal)];

    public async Task CatchUp()
    {
        IReadOnlyList<StoredEvent> fresh;
        do
        {
            fresh = await store.ReadAll(_history.Count == 0 ? 0 : _history[^1].Position, Page);
            foreach (var stored in fresh)
            {
                _history.Add(stored);
                if (stored.Data is IDomainEvent e)
                {
                    Book = Book.Apply(e);
                    Award(e);
                }
            }
        }
        while (fresh.Count == Page);
    }

    private void Award(IDomainEvent e)
    {
        switch (e)
        {
            case AwardApproved a:
                _awards[a.ApplicationId.Value] = new AwardRow(a.ApplicationId.Value, a.Ledger.BeneficiaryKey, a.Amount.Fen, 0, 0);
                break;
            case AwardAmended a:
                Move(a.ApplicationId, r => r with { CurrentFen = r.CurrentFen + a.Delta.Fen });
                break;
            case PaymentConfirmed p:
                Move(p.ApplicationId, r => r with { PaidFen = r.PaidFen + p.Amount.Fen });
                break;
            case PaymentReturned p:
                Move(p.ApplicationId, r => r with { PaidFen = r.PaidFen - p.Amount.Fen });
                break;
            case ClawbackRecovered c:
                Move(c.ApplicationId, r => r with { RecoveredFen = r.RecoveredFen + c.Amount.Fen });
                break;
        }
    }

    private void Move(ApplicationId application, Func<AwardRow, AwardRow> change) =>
        _awards[application.Value] = change(_awards[application.Value]);
}
