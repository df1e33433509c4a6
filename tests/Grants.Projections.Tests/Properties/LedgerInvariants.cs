using Grants.Projections.Tests.Support;
using Npgsql;

namespace Grants.Projections.Tests.Properties;

/// <summary>What must hold in the SQL ledgers after every step, whatever was filed or refused.</summary>
internal static class LedgerInvariants
{
    public static async Task Hold(NpgsqlDataSource db, Auditor auditor)
    {
        await auditor.CatchUp();
        var book = await SqlLedgers.Book(db);
        var awards = await SqlLedgers.Awards(db);

        foreach (var (line, b) in book.Budgets)
        {
            Assert.True(b.Committed + b.Paid <= b.Appropriated, $"{line}: committed {b.Committed} + paid {b.Paid} > appropriated {b.Appropriated}");
            Assert.True(b.Recovered <= b.Paid, $"{line}: recovered {b.Recovered} > paid {b.Paid}");
            Assert.False(b.Appropriated.IsNegative || b.Committed.IsNegative || b.Paid.IsNegative || b.Recovered.IsNegative, $"{line}: negative {b}");
        }

        foreach (var (key, r) in book.Beneficiaries)
        {
            Assert.True(r.Cap is null || r.Awarded <= r.Cap, $"{key}: awarded {r.Awarded} > cap {r.Cap}");
            Assert.True(r.Paid <= r.Awarded, $"{key}: paid {r.Paid} > awarded {r.Awarded}");
            Assert.False(r.Awarded.IsNegative || r.Paid.IsNegative, $"{key}: negative {r}");
        }

        foreach (var a in awards)
        {
            Assert.True(a.PaidFen <= a.CurrentFen, $"{a.ApplicationId}: paid {a.PaidFen} > award {a.CurrentFen}");
            Assert.True(a.RecoveredFen <= a.PaidFen, $"{a.ApplicationId}: recovered {a.RecoveredFen} > paid {a.PaidFen}");
            Assert.True(a.RecoveredFen >= 0 && a.PaidFen >= 0 && a.CurrentFen >= 0, $"{a.ApplicationId}: negative {a}");
        }

        Assert.Equal(LedgerAssert.Budgets(auditor.Book), LedgerAssert.Budgets(book));
        Assert.Equal(LedgerAssert.Beneficiaries(auditor.Book), LedgerAssert.Beneficiaries(book));
        Assert.Equal(auditor.Awards, awards);
        StandingAssert.NothingGrantedWhileFlagged(auditor.History);
    }
}
