-- A community whose next event cannot be applied yet is quarantined: its views stay at the last applied
-- version, and its later events wait in held_event, in version order, until the missing one is applied.
-- Both tables are part of the views (a rebuild builds them again from the topic), so they live here.
create table quarantine (
    community_id    varchar(64) primary key,
    -- Always the community's applied version + 1: the event the community is waiting for.
    missing_version bigint      not null,
    reason          text        not null,
    since           timestamptz not null default now()
);

create table held_event (
    community_id varchar(64) not null,
    version      bigint      not null,
    position     bigint      not null,
    -- The record as it came from the topic, to be read again with the wire format once its turn comes.
    record_key   text        not null,
    record_value bytea       not null,
    headers      jsonb       not null,
    held_at      timestamptz not null default now(),
    primary key (community_id, version)
);
