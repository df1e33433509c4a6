using Grants.EventStore;

namespace Grants.Api.Storage;

/// <summary>The API's own tables, migrated with the event store's at start-up.</summary>
public static class ApiMigrations
{
    public const string Component = "api";

    public static readonly IReadOnlyList<Migration> All =
    [
        // Keys are kept as SHA-256 only. origin 'dev' marks the embedded default's generated keys.
        new(Component, 1, """
            create table grants.api_keys (
                name          text        primary key,
                key_sha256    bytea       not null unique check (length(key_sha256) = 32),
                roles         text[]      not null,
                bureaus       text[]      not null default '{}',
                jurisdictions text[]      not null default '{}',
                origin        text        not null,
                created_at    timestamptz not null default now());
            """),
        // One row per committed command, written in the same transaction as its events, so a retry after any crash
        // finds either both or neither.
        new(Component, 2, """
            create table grants.idempotency (
                request_id     text        primary key,
                caller         text        not null,
                method         text        not null,
                payload_sha256 bytea       not null,
                response       bytea       not null,
                created_at     timestamptz not null default now());
            """),
        // The record is a late write (EventStore LateWrites): it cannot be looked at before the commit, so one that
        // finds its request_id recorded by another call refuses by raising, with the late writes' SQLSTATE.
        new(Component, 3, """
            create function grants.refuse_request_unless(recorded boolean, request_id text) returns void
            language plpgsql as $$
            begin
                if not recorded then
                    raise exception 'request % is already recorded', request_id using errcode = 'GL001';
                end if;
            end $$;
            """),
        // A fingerprint of the key that hashes personal ID numbers (PersonalIdKeyCheck): a server with another key
        // would see every person as new, and per-person caps would count them again.
        new(Component, 4, """
            create table grants.personal_id_key (
                singleton   boolean     primary key default true check (singleton),
                fingerprint text        not null,
                recorded_at timestamptz not null default now());
            """),
    ];
}
