-- The database roles of Community Ledger (docs/security.md#the-database-roles), for a superuser to run on the
-- ledger's database. The one script every topology uses: docker compose's first start
-- (ops/postgres/create-ledger-roles.sh, which then sets the passwords), ./ledger up on every start, and the
-- tests' embedded PostgreSQL. It sets no password and can run again at any time.
--
--   ledger_owner    owns schema "ledger" and runs the command service's migrations (SPRING_FLYWAY_USER); those
--                   migrations grant ledger_command what it may do there
--   ledger_command  the command service (SPRING_DATASOURCE_USERNAME): reads and appends events, never changes
--                   or deletes one
--   ledger_query    the query service: owns the views' schemas, which a rebuild creates, renames and drops, and
--                   has no access to schema "ledger"
do
$$
declare
    role_name text;
begin
    foreach role_name in array array['ledger_owner', 'ledger_command', 'ledger_query'] loop
        if not exists (select from pg_roles where rolname = role_name) then
            execute format('create role %I login', role_name);
        end if;
    end loop;
    execute format('grant connect on database %I to ledger_owner, ledger_command, ledger_query', current_database());
    -- Creating schemas: the owner's "ledger", the query service's views and their rebuilds.
    execute format('grant create on database %I to ledger_owner, ledger_query', current_database());
end
$$;

-- An installation that ran before these roles existed has its schemas owned by whoever migrated them (a
-- superuser, or one account for everything): they are handed to their roles, with every table, sequence, view
-- and function in them. Nothing happens where the roles own them already.
do
$$
declare
    handover record;
    item     record;
begin
    for handover in
        select n.oid, n.nspname as schema_name, wanted.owner
        from (values ('ledger', 'ledger_owner'), ('projection', 'ledger_query'),
                     ('projection_rebuild', 'ledger_query'), ('projection_control', 'ledger_query'))
                 as wanted(schema_name, owner)
                 join pg_namespace n on n.nspname = wanted.schema_name
        where pg_get_userbyid(n.nspowner) <> wanted.owner
           or exists (select from pg_class c
                      where c.relnamespace = n.oid and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
                        and pg_get_userbyid(c.relowner) <> wanted.owner)
           or exists (select from pg_proc p
                      where p.pronamespace = n.oid and pg_get_userbyid(p.proowner) <> wanted.owner)
    loop
        raise notice 'handing schema % over to %', handover.schema_name, handover.owner;
        execute format('alter schema %I owner to %I', handover.schema_name, handover.owner);
        -- Tables first; identity and serial sequences follow their table (and cannot be handed over alone).
        for item in
            select c.relname, c.relkind
            from pg_class c
            where c.relnamespace = handover.oid and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')
              and not (c.relkind = 'S' and exists (
                  select from pg_depend d
                  where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype in ('a', 'i')))
            order by c.relkind = 'S'
        loop
            execute format('alter %s %I.%I owner to %I',
                           case item.relkind when 'v' then 'view' when 'm' then 'materialized view'
                                             when 'S' then 'sequence' when 'f' then 'foreign table'
                                             else 'table' end,
                           handover.schema_name, item.relname, handover.owner);
        end loop;
        for item in select p.oid::regprocedure as routine from pg_proc p where p.pronamespace = handover.oid loop
            execute format('alter routine %s owner to %I', item.routine, handover.owner);
        end loop;
    end loop;
end
$$;
