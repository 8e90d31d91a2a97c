-- The transparency log: an RFC 9162 Merkle tree over the event log. Leaf i is the event with the i-th smallest
-- position among settled events (0-based); its input is the event's 32-byte chain hash. Written only by the
-- command service's sealer, append-only: a leaf, once given an index, keeps it.

-- One row. settled_position: every position at or below it is stored or will never be (a rolled-back
-- command's hole); tree_size: the leaves appended so far, all of them at or below settled_position.
create table transparency_state (
    singleton        boolean primary key default true check (singleton),
    settled_position bigint  not null,
    tree_size        bigint  not null
);
insert into transparency_state (singleton, settled_position, tree_size) values (true, 0, 0);

create table transparency_leaf (
    leaf_index bigint primary key,
    position   bigint not null unique,
    -- SHA-256(0x00 || chain hash): what the proofs are made of, computed once at sealing.
    leaf_hash  bytea  not null
);

-- Perfect subtrees of every 4th level (16, 256, 4096, ... leaves): proofs read a few dozen of these instead of
-- rehashing leaves. Complete subtrees never change, so rows are only ever inserted.
create table transparency_subtree (
    level      smallint not null,
    node_index bigint   not null,
    hash       bytea    not null,
    primary key (level, node_index)
);

-- The settling fence (TransparencyFence in the command service): an insert holds the advisory lock in shared
-- mode until its transaction ends, and a position at or below the settled one is refused, whoever inserts.
create function ${flyway:defaultSchema}.refuse_settled_position() returns trigger
    language plpgsql as
$$
begin
    perform pg_advisory_xact_lock_shared(5504916514776699974);
    if new.global_index <= (select settled_position from ${flyway:defaultSchema}.transparency_state) then
        raise exception 'position % is already settled in the transparency log', new.global_index
            using errcode = 'serialization_failure',
                  hint = 'a command that took its position long ago lost it; retrying it takes a new one';
    end if;
    return new;
end
$$;

create trigger domain_event_entry_settled_fence
    before insert on domain_event_entry
    for each row execute function ${flyway:defaultSchema}.refuse_settled_position();
