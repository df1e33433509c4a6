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
        new(Component, 2, """
            -- The chain step in one round trip: the head row is locked, every event gets the next position and its
            -- link hash(n) = sha256(hash(n-1) || prefix || position || suffix), where prefix and suffix are the
            -- canonical envelope's bytes before and after the position (EventHashing.EnvelopeAround). The lock is
            -- held to commit, so only this call and the commit remain in the part of an append everyone queues on.
            create function grants.append_chain(
                p_stream_id text[], p_stream_type text[], p_version bigint[], p_type text[], p_data jsonb[],
                p_metadata jsonb[], p_recorded_at timestamptz[], p_prefix bytea[], p_suffix bytea[])
            returns table (event_position bigint, prev_hash bytea, hash bytea)
            language plpgsql as $$
            declare
                v_head   bigint;
                v_hash   bytea;
                v_count  int := cardinality(p_stream_id);
                v_prev   bytea[] := '{}';
                v_hashes bytea[] := '{}';
            begin
                select h.position, h.hash into v_head, v_hash from grants.event_head h for update;
                for i in 1 .. v_count loop
                    v_prev := v_prev || v_hash;
                    v_hash := sha256(v_hash || p_prefix[i] || convert_to((v_head + i)::text, 'UTF8') || p_suffix[i]);
                    v_hashes := v_hashes || v_hash;
                end loop;
                insert into grants.events (position, stream_id, stream_type, version, type, data, metadata, recorded_at, prev_hash, hash)
                select v_head + i, p_stream_id[i], p_stream_type[i], p_version[i], p_type[i], p_data[i], p_metadata[i],
                       p_recorded_at[i], v_prev[i], v_hashes[i]
                  from generate_series(1, v_count) i;
                update grants.event_head set position = v_head + v_count, hash = v_hash;
                -- Delivered only when the transaction commits, in commit order: a rolled-back append wakes nobody.
                perform pg_notify('grants_events', (v_head + v_count)::text);
                return query select v_head + i, v_prev[i], v_hashes[i] from generate_series(1, v_count) i;
            end $$;
            """),
        new(Component, 3, """
            -- The chain step's statements are planned once per session. Left to choose, PostgreSQL planned its insert
            -- afresh on every call (the generic plan's guess of 1,000 rows from generate_series always looked dearer
            -- than the custom plan's): about 0.1 ms of planning a batch, while the head was locked. Every plan here is
            -- the same whatever the arguments (no predicate for a value to change).
            alter function grants.append_chain(text[], text[], bigint[], text[], jsonb[], jsonb[], timestamptz[], bytea[], bytea[])
                set plan_cache_mode = force_generic_plan;
            """),
    ];
}
