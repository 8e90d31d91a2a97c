-- The first outcome of each request sent with an Idempotency-Key, written in the same transaction as the
-- command's events. The position is not stored: it is read from the event store when a retry is answered.
create table idempotency_key (
    idempotency_key     varchar(200) primary key,
    request_fingerprint char(64)     not null,
    community_id        varchar(64)  not null,
    version             bigint       not null,
    created_id_name     varchar(32),
    created_id          varchar(64),
    recorded_at         timestamptz  not null default now()
);
