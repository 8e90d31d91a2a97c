-- The event store is append-only, and PostgreSQL enforces it (docs/security.md#the-database-roles).

-- 1. A trigger refuses every UPDATE, DELETE and TRUNCATE of stored events, whoever asks: the service's role,
-- the schema's owner, a superuser. Only someone who deliberately switches the trigger off (the table's owner
-- with ALTER TABLE ... DISABLE TRIGGER, or a superuser with session_replication_role = replica) gets past it.
-- SQLSTATE LA001 ("ledger append-only", a class of our own) tells this refusal apart from any other.
create function ${flyway:defaultSchema}.refuse_event_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the event store is append-only: % of %.% is refused', tg_op, tg_table_schema, tg_table_name
        using errcode = 'LA001',
              hint = 'stored events are never changed or removed; a correction is a new event';
end
$$;

create trigger domain_event_entry_append_only
    before update or delete on domain_event_entry
    for each row execute function ${flyway:defaultSchema}.refuse_event_change();

create trigger domain_event_entry_append_only_truncate
    before truncate on domain_event_entry
    for each statement execute function ${flyway:defaultSchema}.refuse_event_change();

-- 2. The command service's role (the account it connects as, spring.datasource.username) may read and append
-- events and nothing more there; everything else it keeps in this schema (tokens, snapshots, idempotency keys,
-- the transparency log) it may change. Tables of later migrations, created by the role running this one,
-- get the same privileges. Nobody else has any access: the query service's role not even USAGE on the schema.
-- Where one account does everything (migrations and the service), there is nobody to grant to: the trigger
-- alone holds, and the privileges are left as they are.
revoke all on schema ${flyway:defaultSchema} from public;

do
$$
declare
    service_role constant text := '${command_role}';
begin
    if service_role = '' or service_role = current_user then
        raise notice 'the command service connects as the migrating role %: no privileges granted', current_user;
        return;
    end if;
    execute format('grant usage on schema %I to %I', '${flyway:defaultSchema}', service_role);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                   '${flyway:defaultSchema}', service_role);
    execute format('grant usage, select, update on all sequences in schema %I to %I',
                   '${flyway:defaultSchema}', service_role);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I',
                   '${flyway:defaultSchema}', service_role);
    execute format('alter default privileges in schema %I grant usage, select, update on sequences to %I',
                   '${flyway:defaultSchema}', service_role);
    -- The events: read and append only. The identity sequence of global_index stays usable (granted above):
    -- an append takes its positions with nextval.
    execute format('revoke update, delete, truncate, references, trigger on %I.domain_event_entry from %I',
                   '${flyway:defaultSchema}', service_role);
    -- Flyway's own record of the migrations is the owner's alone.
    execute format('revoke all on %I.%I from %I', '${flyway:defaultSchema}', '${flyway:table}', service_role);
end
$$;
