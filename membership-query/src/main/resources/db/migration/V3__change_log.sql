-- Every applied event, written in the same transaction as the view change it caused: the source of the
-- live stream (/api/stream), of its resumption with Last-Event-ID, and of read-your-writes checks.
-- A bounded window: old rows are deleted (see ChangeLogRetention); a client older than the window is told
-- to reload.
create table projection_change (
    change_id    bigint generated always as identity primary key,
    position     bigint      not null unique,
    community_id varchar(64) not null,
    version      bigint      not null,
    event_name   varchar(64) not null,
    payload      jsonb       not null,
    applied_at   timestamptz not null default now()
);
