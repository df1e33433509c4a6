using Grants.Domain;
using Grants.Domain.Catalog;
using Grants.Domain.Applications.Approving;
using Grants.EventStore;
using Npgsql;
using ApplicationId = Grants.Domain.ApplicationId;

namespace Grants.Projections.Ledgers;

/// <summary>One row per approved award. The insert only happens when the catalog says the measure is in force on the
/// approval date and may carry this amount, so a buggy caller cannot approve after 2027-12-31 or pay under a
/// non-monetary measure; the CHECKs keep paid ≤ award and recovered ≤ paid. Every award write is a late write (so they
/// keep their order among themselves), queued before the budget and beneficiary lines: the rule an award breaks is
/// still named before any money.</summary>
internal sealed class AwardWriter(LateWrites late, DateTimeOffset at, string eventType)
{
    public void Approve(AwardApproved e) => late.Add("""
        with inserted as (
            insert into grants.awards (application_id, measure_id, bureau, fiscal_year, beneficiary_key,
                                       original_fen, current_fen, approved_on, updated_at)
            select $1, $2, $3, $4, $5, $6, $6, $7, $8
              from grants.catalog_measures m
             where m.measure_id = $2 and $7 between m.valid_from and m.valid_to and (m.monetary or $6 = 0)
            returning 1)
        select grants.refuse_unless(exists (select from inserted), 'award_not_admissible')
        """, [e.ApplicationId.Value, e.Ledger.Measure.Value, e.Ledger.PayingBureau.Value, e.Ledger.FiscalYear,
            e.Ledger.BeneficiaryKey, e.Amount.Fen, e.ApprovedOn, at], Explain(async (c, t, ct) => new LedgerRefusedException(await WhyNot(c, t, e, ct))));

    /// <summary>No money is instructed for payment outside the policy's validity window (file 000: not after 2027-12-31).</summary>
    public void EnsureInWindow(MeasureId measure, DateOnly on, string action) => late.Add("""
        select grants.refuse_unless(exists (
            select from grants.catalog_measures where measure_id = $1 and $2 between valid_from and valid_to), 'outside_policy_window')
        """, [measure.Value, on], Explain((_, _, _) => Task.FromResult<Exception>(new LedgerRefusedException(new DomainError(
            LedgerErrorCodes.OutsidePolicyWindow,
            $"{LimitNames.Article(measure)} is not in force on {on:yyyy-MM-dd}: nothing may be {action} under it on that date")))));

    public void Amend(ApplicationId application, Money delta) =>
        Move(application, "current_fen = current_fen + $2", delta);

    public void Pay(ApplicationId application, Money amount) => Move(application, "paid_fen = paid_fen + $2", amount);

    public void Recover(ApplicationId application, Money amount) => Move(application, "recovered_fen = recovered_fen + $2", amount);

    private void Move(ApplicationId application, string assignment, Money amount) => late.Add(
        $"update grants.awards set {assignment}, updated_at = $3 where application_id = $1", [application.Value, amount.Fen, at],
        Explain(null));

    private LateWrites.Explain Explain(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<Exception>>? refused) =>
        LedgerLateWrite.Explain(eventType, refused);

    private static async Task<DomainError> WhyNot(NpgsqlConnection c, NpgsqlTransaction t, AwardApproved e, CancellationToken ct)
    {
        await using var command = Sql.Command(c, t, """
            select monetary, valid_from, valid_to from grants.catalog_measures where measure_id = $1
            """, e.Ledger.Measure.Value);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return new DomainError(LedgerErrorCodes.OutsidePolicyWindow, $"measure {e.Ledger.Measure.Value} is not in the catalog", "measure_id");
        }

        var (monetary, from, to) = (reader.GetBoolean(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2));
        return monetary
            ? new DomainError(LedgerErrorCodes.OutsidePolicyWindow,
                $"{LimitNames.Article(e.Ledger.Measure)} is in force from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}; approval dated {e.ApprovedOn:yyyy-MM-dd} is outside it",
                "approved_on")
            : new DomainError(LedgerErrorCodes.NonMonetaryMeasure,
                $"{LimitNames.Article(e.Ledger.Measure)} is non-monetary: no amount may be awarded under it (requested {e.Amount.ToYuanString()} yuan)",
                "amount_fen");
    }
}
