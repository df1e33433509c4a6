namespace Grants.EventStore;

/// <summary>The store's own tables (component "event_store"). See docs/EVENT-STORE.md for why each exists.</summary>
internal static class EventStoreSchema
{
    public const string Component = "event_store";

    public static readonly IReadOnlyList<Migration> Migrations =
    [
        new(Component, 1, """
            create table grants.streams (
                id         text        primary key,
                type       text        not null,
                version    bigint      not null check (version >= 0),
                created_at timestamptz not null,
                updated_at timestamptz not null);

            create table grants.events (
                position    bigint      primary key check (position > 0),
                stream_id   text        not null,
                stream_type text        not null,
                version     bigint      not null check (version > 0),
                type        text        not null,
                data        jsonb       not null,
                metadata    jsonb       not null,
                recorded_at timestamptz not null,
                tx_id       xid8        not null default pg_current_xact_id(),
                prev_hash   bytea       not null,
                hash        bytea       not null,
                constraint events_stream_version_key unique (stream_id, version));

            -- The single row every append locks last: it hands out dense positions in commit order.
            create table grants.event_head (
                id       boolean primary key default true check (id),
                position bigint  not null,
                hash     bytea   not null);
            insert into grants.event_head (position, hash) values (0, decode(repeat('00', 32), 'hex'));

            create table grants.projection_checkpoints (
                name       text        primary key,
                position   bigint      not null,
                updated_at timestamptz not null);

            -- Append-only by construction; the hash chain still catches whoever disables this.
            create function grants.refuse_event_change() returns trigger language plpgsql as $$
            begin
                raise exception 'grants.events is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
            end $$;
            create trigger events_append_only before update or delete on grants.events
                for each row execute function grants.refuse_event_change();
            create trigger events_no_truncate before truncate on grants.events
                for each statement execute function grants.refuse_event_change();
            """),
    ];
}
