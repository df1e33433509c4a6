-- One approval as PostgreSQL alone would do it: insert one ~300-byte jsonb event and move the same ledger row every time: one budget in a deadline rush.
\set b 1
begin;
insert into bench_events (stream_id, type, data, metadata)
values ('application-HP-2025-' || :client_id || '-' || :b, 'award_approved.v1',
        '{"application_id":"application-HP-2025-000123","amount_fen":10000000,"fiscal_year":2026,"measure_id":"HP-2024-3/18","paying_bureau_code":"HP-JRB","approver":{"id":"hp-jrb.liu.yang","bureau_code":"HP-JRB"},"approved_on":"2026-11-23","comment":"同意（基准测试数据）"}',
        '{"actor":"approver:hp-jrb.liu.yang","request_id":"bench"}');
update bench_ledgers set committed = committed + 10000000 where id = :b and committed + 10000000 <= appropriated;
commit;
