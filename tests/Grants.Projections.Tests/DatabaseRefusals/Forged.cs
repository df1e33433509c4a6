using Grants.Domain;
using Grants.Domain.Applications;
using Grants.Domain.Applications.Approving;
using Grants.Domain.Catalog;
using Grants.Domain.Ledgers;
using Grants.EventStore;
using Grants.Projections.Ledgers;
using Grants.Projections.Tests.Support;

namespace Grants.Projections.Tests.DatabaseRefusals;

/// <summary>Events built by hand and appended straight to the store, as a buggy or hostile caller could: no decider
/// has looked at them, so whatever is refused is refused by the database.</summary>
internal static class Forged
{
    public static AwardApproved Approval(int application, MeasureId measure, Money amount, DateOnly approvedOn,
        string? beneficiary = null, Money? cumulativeCap = null, bool perPerson = false) =>
        new(Filing.ApplicationNo(application), Filing.Approver, null, amount, approvedOn,
            new LedgerKeys(Lines.Ipo, approvedOn.Year, measure, beneficiary ?? Parties.CreditCode(1), cumulativeCap, perPerson));

    /// <summary>Appends the events and expects the ledgers to refuse them without leaving anything behind: no event,
    /// no stream, no ledger movement.</summary>
    public static async Task<DomainError> RefusedWithoutTrace(LedgerDatabase world, params IApplicationEvent[] events)
    {
        var head = await world.Head();
        var ledgers = await SqlLedgers.Book(world.Db);
        var awards = await SqlLedgers.Awards(world.Db);
        var appends = events
            .Select(e => new StreamAppend(e.ApplicationId.StreamId, StreamIds.ApplicationType, ExpectedVersion.Any, [e]))
            .ToList();
        var versions = await Task.WhenAll(appends.Select(a => world.Store.StreamVersion(a.StreamId)));

        var refused = await Assert.ThrowsAsync<LedgerRefusedException>(() =>
            world.Store.Append(appends, new EventMetadata("test:forger", Guid.NewGuid().ToString("N"))));

        Assert.Equal(head, await world.Head());
        Assert.Equal(versions, await Task.WhenAll(appends.Select(a => world.Store.StreamVersion(a.StreamId))));
        Assert.Equal(LedgerAssert.Budgets(ledgers), LedgerAssert.Budgets(await SqlLedgers.Book(world.Db)));
        Assert.Equal(LedgerAssert.Beneficiaries(ledgers), LedgerAssert.Beneficiaries(await SqlLedgers.Book(world.Db)));
        Assert.Equal(awards, await SqlLedgers.Awards(world.Db));
        await LedgerAssert.MatchesReplay(world.Db, world.Store);
        return refused.Error;
    }
}
