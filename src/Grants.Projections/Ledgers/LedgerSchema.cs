using Grants.EventStore;

namespace Grants.Projections.Ledgers;

/// <summary>The ledger tables. The CHECK constraints are the last line of defence: the projection's conditional
/// updates refuse first (with a precise message), and the constraints make an overspend impossible even for code that
/// forgets to ask.</summary>
public static class LedgerSchema
{
    public static readonly Migration V1 = new("ledgers", 1, """
        create table grants.budget_ledgers (
            bureau text not null,
            fiscal_year int not null,
            measure_id text not null,
            appropriated_fen bigint not null default 0,
            committed_fen bigint not null default 0,
            paid_fen bigint not null default 0,
            recovered_fen bigint not null default 0,
            updated_at timestamptz not null,
            primary key (bureau, fiscal_year, measure_id),
            constraint budget_ledger_within_appropriation check (committed_fen + paid_fen <= appropriated_fen),
            constraint budget_ledger_non_negative
                check (appropriated_fen >= 0 and committed_fen >= 0 and paid_fen >= 0 and recovered_fen >= 0),
            constraint budget_ledger_recovered_within_paid check (recovered_fen <= paid_fen)
        );

        create table grants.beneficiary_ledgers (
            measure_id text not null,
            beneficiary_key text not null,
            awarded_fen bigint not null default 0,
            paid_fen bigint not null default 0,
            cap_fen bigint,
            per_person boolean not null default false,
            updated_at timestamptz not null,
            primary key (measure_id, beneficiary_key),
            constraint beneficiary_ledger_within_cap check (cap_fen is null or awarded_fen <= cap_fen),
            constraint beneficiary_ledger_non_negative check (awarded_fen >= 0 and paid_fen >= 0)
        );

        create table grants.awards (
            application_id text primary key,
            measure_id text not null,
            bureau text not null,
            fiscal_year int not null,
            beneficiary_key text not null,
            original_fen bigint not null,
            current_fen bigint not null,
            paid_fen bigint not null default 0,
            recovered_fen bigint not null default 0,
            approved_on date not null,
            updated_at timestamptz not null,
            constraint award_paid_within_award check (paid_fen <= current_fen),
            constraint award_recovered_within_paid check (recovered_fen <= paid_fen),
            constraint award_non_negative check (current_fen >= 0 and paid_fen >= 0 and recovered_fen >= 0)
        );

        -- One row per beneficiary from registration on, so approvals can lock it (FOR SHARE) against a concurrent flag.
        create table grants.beneficiary_standing (
            beneficiary_key text primary key,
            flagged boolean not null default false,
            registry_reference text,
            updated_at timestamptz not null
        );

        -- What the database itself needs from the catalog to refuse an award outside a policy's window or under a
        -- non-monetary measure, whatever the caller's code did.
        create table grants.catalog_measures (
            measure_id text primary key,
            policy_id text not null,
            monetary boolean not null,
            valid_from date not null,
            valid_to date not null
        );
        """);

    /// <summary>One person may be registered through several employers, each registration flagged and cleared on its
    /// own (the decider refuses a second flag, or a clear without a flag, per registration), while the database locks
    /// one row per beneficiary. Counting open flags keeps the person flagged until every registration is cleared.</summary>
    public static readonly Migration V2 = new("ledgers", 2, """
        alter table grants.beneficiary_standing add column open_flags int not null default 0;
        update grants.beneficiary_standing set open_flags = case when flagged then 1 else 0 end;
        alter table grants.beneficiary_standing
            add constraint beneficiary_standing_flags_non_negative check (open_flags >= 0);
        """);

    /// <summary>Budget ledger writes go last in an append (EventStore LateWrites) and cannot be looked at before the
    /// commit, so a refused one raises instead of touching no row: SQLSTATE GL001 with the refusal code.</summary>
    public static readonly Migration V3 = new("ledgers", 3, """
        create function grants.refuse_unless(ok boolean, code text) returns void language plpgsql as $$
        begin
            if not ok then
                raise exception 'ledger refused: %', code using errcode = 'GL001';
            end if;
        end $$;
        """);
}
