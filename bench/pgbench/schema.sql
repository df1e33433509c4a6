-- Scratch tables for the pgbench side of scripts/bench.sh, in their own database (bench_pg): an event table shaped
-- like grants.events (jsonb data, ~300 bytes a row) and 50 ledger rows shaped like grants.budget_ledgers.
drop table if exists bench_events, bench_ledgers;
create table bench_events (
    position   bigint generated always as identity primary key,
    stream_id  text not null,
    type       text not null,
    data       jsonb not null,
    metadata   jsonb not null,
    recorded_at timestamptz not null default now());
create table bench_ledgers (
    id           int primary key,
    appropriated bigint not null,
    committed    bigint not null default 0,
    check (committed <= appropriated));
insert into bench_ledgers (id, appropriated) select g, 9000000000000000 from generate_series(1, 50) g;
