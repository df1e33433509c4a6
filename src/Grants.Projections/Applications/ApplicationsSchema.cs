using Grants.EventStore;

namespace Grants.Projections.Applications;

/// <summary>The applications read model (ListApplications), the tranche rows that make a clawback offset safe across
/// applications, the notes a request carries beyond its events, and the sequence behind application numbers.</summary>
public static class ApplicationsSchema
{
    public static readonly Migration V1 = new("applications", 1, """
        -- Numbers are taken outside the append's transaction: a refused submission leaves a gap, which is fine.
        create sequence grants.application_number as bigint minvalue 1 maxvalue 999999 no cycle;

        create table grants.applications (
            application_id text primary key,
            applicant_id text not null,
            measure_id text not null,
            lifecycle text not null,
            awaiting_second_approval boolean not null default false,
            requested_fen bigint not null,
            tier_code text,
            fiscal_year int,
            paying_bureau text,
            approved_on date,
            original_fen bigint not null default 0,
            current_fen bigint not null default 0,
            amendment_count int not null default 0,
            tranche_count int not null default 0,
            in_flight_fen bigint not null default 0,
            paid_fen bigint not null default 0,
            clawback_outstanding_fen bigint not null default 0,
            on_hold boolean not null default false,
            hold_reason text,
            decision_reason text,
            submitted_on date not null,
            submitted_at timestamptz not null,
            updated_at timestamptz not null,
            version bigint not null,
            -- The wire's ApplicationStatus; the same rules as ApplicationStatuses.Of in the API, which a test holds equal.
            status smallint generated always as (
                case lifecycle
                    when 'submitted' then 1
                    when 'eligibility_confirmed' then 2
                    when 'eligibility_rejected' then 3
                    when 'assessed' then case when awaiting_second_approval then 5 else 4 end
                    when 'approved' then
                        case when clawback_outstanding_fen > 0 then 11
                             when current_fen > 0 and in_flight_fen = 0 and paid_fen >= current_fen then 10
                             when tranche_count > 0 then 9
                             else 6 end
                    when 'rejected' then 7
                    when 'withdrawn' then 8
                    when 'closed' then 12
                    else 0 end) stored);

        create index applications_newest_first on grants.applications (submitted_at desc, application_id desc);
        create index applications_by_applicant on grants.applications (applicant_id, submitted_at desc);
        create index applications_by_measure on grants.applications (measure_id, submitted_at desc);

        -- One row per tranche. Offsets against a tranche may come from clawbacks of several applications of the same
        -- beneficiary; this row is where they meet, so together they never withhold more than the tranche.
        create table grants.application_tranches (
            payment_reference text primary key,
            application_id text not null,
            amount_fen bigint not null,
            offset_fen bigint not null default 0,
            status text not null,
            updated_at timestamptz not null,
            constraint tranche_offset_within_amount check (offset_fen >= 0 and offset_fen <= amount_fen));

        create index application_tranches_by_application on grants.application_tranches (application_id);

        -- What a request said that its events do not carry (title and description of a submission, the officer's
        -- bureau, comments, a repayment due date), keyed by the event it accompanies. Derived from the "note" of
        -- the events' hashed metadata (ApplicationNotesWriter), so a rebuild reproduces it.
        create table grants.application_notes (
            application_id text not null,
            version bigint not null,
            note jsonb not null,
            primary key (application_id, version));
        """);

    // PostgreSQL 15 reads a stored generated column's expression back from its text and compiles it at every insert
    // and update of the table: about 50 µs more per update of this row (a loop of 20,000 updates, 67–81 µs against
    // 19–20 without the column), and every application command updates it. The status is needed only where
    // applications are listed, so it is computed there, by the same rules.
    public static readonly Migration V2 = new("applications", 2, """
        alter table grants.applications drop column status;

        -- The wire's ApplicationStatus; the same rules as ApplicationStatuses.Of in the API, which a test holds equal.
        create function grants.application_status(a grants.applications) returns smallint
            language sql immutable parallel safe
        as $$
            select case a.lifecycle
                when 'submitted' then 1
                when 'eligibility_confirmed' then 2
                when 'eligibility_rejected' then 3
                when 'assessed' then case when a.awaiting_second_approval then 5 else 4 end
                when 'approved' then
                    case when a.clawback_outstanding_fen > 0 then 11
                         when a.current_fen > 0 and a.in_flight_fen = 0 and a.paid_fen >= a.current_fen then 10
                         when a.tranche_count > 0 then 9
                         else 6 end
                when 'rejected' then 7
                when 'withdrawn' then 8
                when 'closed' then 12
                else 0 end::smallint
        $$;
        """);
}
