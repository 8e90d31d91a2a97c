-- Members over time: one row per join and per departure, dated as the event dates it. Rows are only ever
-- inserted, so the consumers of different partitions never wait on a shared counter row; the timeline counts
-- them by day.
create table member_movement (
    id              bigint generated always as identity primary key,
    community_id    varchar(64) not null,
    organization_id varchar(64) not null,
    day             date        not null,
    joined          boolean     not null
);

-- Views applied before this table existed: each member's latest join and departure. An earlier membership of
-- an organisation that rejoined is no longer in the member view; a rebuild counts every one from the log.
insert into member_movement (community_id, organization_id, day, joined)
select community_id, organization_id, joined_on, true from member
union all
select community_id, organization_id, left_on, false from member where left_on is not null;
