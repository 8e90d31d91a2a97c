-- Idempotency keys belong to the principal that sent them: two principals using the same key no longer collide,
-- and neither can be answered the other's outcome. Keys are kept for a retention (ledger.idempotency.retention)
-- and then deleted, oldest first, by the command service.
alter table idempotency_key add column principal text;

-- Keys stored before take the principal recorded in their command's events (the key is in the same metadata).
-- A key whose events name none cannot be scoped and is dropped: its retries become new requests.
update idempotency_key k
set principal = keyed.principal
from (select distinct on (metadata ->> 'idempotencyKey') metadata ->> 'idempotencyKey' as idempotency_key,
                                                          metadata ->> 'principal'      as principal
      from (select convert_from(meta_data, 'UTF8')::jsonb as metadata
            from domain_event_entry
            where meta_data is not null
              and position('"idempotencyKey"' in convert_from(meta_data, 'UTF8')) > 0) as events
      where metadata ->> 'principal' is not null
      order by metadata ->> 'idempotencyKey', metadata ->> 'principal') as keyed
where keyed.idempotency_key = k.idempotency_key;

delete from idempotency_key where principal is null;

alter table idempotency_key alter column principal set not null;
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (principal, idempotency_key);

-- The cleanup takes the oldest expired keys first.
create index idempotency_key_recorded_at on idempotency_key (recorded_at);
