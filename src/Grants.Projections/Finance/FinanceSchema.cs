using Grants.EventStore;

namespace Grants.Projections.Finance;

/// <summary>The finance read models, all derived from events only (a rebuild must reproduce them row for row):
/// payment instructions, clawbacks per budget line (for what is receivable) and reconciled statement lines.</summary>
public static class FinanceSchema
{
    public static readonly Migration V1 = new("finance", 1, """
        -- One row per tranche_instructed.v1. The full account stays here for the treasury export; responses and
        -- logs show it masked unless the caller is finance.
        create table grants.finance_instructions (
            reference text primary key,
            application_id text not null,
            tranche_number int not null,
            payee_name text not null,
            payee_account text not null,
            amount_fen bigint not null,
            offset_fen bigint not null default 0,
            paying_bureau text not null,
            fiscal_year int not null,
            measure_id text not null,
            status text not null,
            instructed_on date not null,
            paid_on date,
            treasury_reference text,
            returned_on date,
            updated_at timestamptz not null,
            constraint finance_instruction_status check (status in ('pending', 'confirmed', 'returned')),
            constraint finance_instruction_amounts check (amount_fen > 0 and offset_fen >= 0 and offset_fen <= amount_fen));

        create index finance_instructions_in_order on grants.finance_instructions (application_id, tranche_number);
        create index finance_instructions_by_line on grants.finance_instructions (paying_bureau, fiscal_year, measure_id, status);

        -- One row per clawback order: what is still receivable on each budget line.
        create table grants.finance_clawbacks (
            application_id text not null,
            clawback_id text not null,
            paying_bureau text not null,
            fiscal_year int not null,
            measure_id text not null,
            ordered_fen bigint not null,
            recovered_fen bigint not null default 0,
            written_off_fen bigint not null default 0,
            ordered_on date not null,
            updated_at timestamptz not null,
            primary key (application_id, clawback_id),
            constraint finance_clawback_settled_within_ordered
                check (recovered_fen >= 0 and written_off_fen >= 0 and recovered_fen + written_off_fen <= ordered_fen));

        create index finance_clawbacks_by_line on grants.finance_clawbacks (paying_bureau, fiscal_year, measure_id);

        -- One row per reconciled bank transaction (statement_line_reconciled.v1), resolved by
        -- reconciliation_item_resolved.v1. Lines of kind 'confirmed' are kept too: they are the record that the
        -- bank transaction was used.
        create table grants.statement_lines (
            bank_transaction_id text primary key,
            statement_name text not null,
            line_number int not null,
            value_date date not null,
            reference text not null,
            counterparty_account text not null,
            amount_fen bigint not null,
            direction text not null,
            kind text not null,
            open boolean not null,
            matched_reference text,
            application_id text,
            paying_bureau text,
            fiscal_year int,
            measure_id text,
            expected_fen bigint,
            detail text not null,
            imported_at timestamptz not null,
            resolution text,
            resolved_by text,
            resolved_on date,
            resolved_at timestamptz);

        create index statement_lines_items on grants.statement_lines (imported_at desc, bank_transaction_id desc) where kind <> 'confirmed';
        """);
}
