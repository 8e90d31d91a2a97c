-- Views of the query side, all derived from the event topic and rebuildable from it.

-- One row per community. "version" is the community's last applied event: the projector's
-- exactly-once guard, updated in the same transaction as every change.
create table community (
    community_id         varchar(64)  primary key,
    name                 text         not null,
    sector               text         not null,
    region               text         not null,
    host_organization_id varchar(64)  not null,
    venue                text         not null,
    established_on       date         not null,
    status               varchar(16)  not null,
    member_count         integer      not null,
    version              bigint       not null,
    last_position        bigint       not null
);

create table member (
    community_id    varchar(64) not null references community (community_id),
    organization_id varchar(64) not null,
    name            text        not null,
    kind            varchar(32) not null,
    province        varchar(5)  not null,
    joined_on       date        not null,
    primary key (community_id, organization_id)
);

create index member_by_organization on member (organization_id);
