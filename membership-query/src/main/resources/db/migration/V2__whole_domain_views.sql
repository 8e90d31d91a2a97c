-- Views for every event of the domain.

alter table community
    add column chair_unit          varchar(64),
    add column constitution_version text,
    add column dissolved_on        date,
    add column dissolution_reason  text;

-- Members stay listed after they leave (active = false), so an organisation's history is complete;
-- a rejoin makes the row active again.
alter table member
    add column active     boolean not null default true,
    add column left_on    date,
    add column left_reason text,
    add column roles      text[]  not null default '{}';

create index member_active_by_community on member (community_id) where active;
create index member_by_province on member (province) where active;

create table governing_position (
    community_id    varchar(64) not null references community (community_id),
    organization_id varchar(64) not null,
    position        text        not null,
    approved_on     date        not null,
    primary key (community_id, organization_id)
);

create table plaque (
    plaque_id                 varchar(64) primary key,
    community_id              varchar(64) not null references community (community_id),
    title                     text        not null,
    recipient_organization_id varchar(64) not null,
    presented_by              text        not null,
    awarded_on                date        not null,
    revoked                   boolean     not null default false,
    revocation_reason         text
);

create index plaque_by_community on plaque (community_id);
create index plaque_by_recipient on plaque (recipient_organization_id);

create table agreement (
    agreement_id           varchar(64) primary key,
    community_id           varchar(64) not null references community (community_id),
    title                  text        not null,
    party_organization_ids text[]      not null,
    scope                  text[]      not null,
    signed_on              date        not null,
    terminated_on          date,
    termination_reason     text
);

create index agreement_by_community on agreement (community_id);
create index agreement_by_party on agreement using gin (party_organization_ids);
