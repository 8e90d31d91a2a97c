-- Records the projection parked because they can never be applied as they are, with what became of them.
-- Kept outside the view schemas: an operator's decisions (replayed, discarded, and why) survive a rebuild.
-- The same records also go to the dead-letter topic, for tools that read Kafka.
create table dead_letter (
    id              bigserial   primary key,
    status          varchar(16) not null default 'PARKED' check (status in ('PARKED', 'REPLAYED', 'DISCARDED')),
    reason_kind     varchar(32) not null,
    reason          text        not null,
    community_id    varchar(64),
    version         bigint,
    position        bigint,
    -- Where it was read from the topic; none for a held event that failed when its turn came.
    topic           text,
    kafka_partition integer,
    kafka_offset    bigint,
    record_key      text,
    record_value    bytea,
    headers         jsonb       not null,
    parked_at       timestamptz not null default now(),
    resolved_at     timestamptz,
    resolved_by     text,
    resolution      text,
    -- A record parked twice (a redelivery after a crash, a second instance) is one dead letter.
    unique (topic, kafka_partition, kafka_offset)
);

create index dead_letter_parked on dead_letter (community_id, version) where status = 'PARKED';
