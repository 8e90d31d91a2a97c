-- Several query instances write the change log, and every instance streams all of it. change_id alone
-- cannot be followed safely: an identity value is taken when a row is inserted, so a transaction can
-- commit a lower change_id after a reader has already passed a higher one, and the row would be skipped.
--
-- tx_id is the writing transaction's id. A reader takes only rows whose transaction is older than the
-- oldest one still running (pg_snapshot_xmin of its snapshot): no row can appear below that horizon later.
-- It follows (tx_id, change_id). The projector takes its community locks before its first write, so the
-- transaction that applies a community's next version gets its id after the previous one committed, and
-- this order is each community's version order.
alter table projection_change add column tx_id xid8 not null default pg_current_xact_id();
create index projection_change_in_commit_order on projection_change (tx_id, change_id);

-- Wakes every instance's change feed (LISTEN ledger_changes) when the live views change; notifications are
-- delivered at commit, once per transaction. Rows written into a schema being rebuilt wake nobody.
create function notify_projection_change() returns trigger language plpgsql as $$
begin
    if tg_table_schema = 'projection' then
        perform pg_notify('ledger_changes', '');
    end if;
    return null;
end;
$$;

create trigger projection_change_notify after insert on projection_change
    for each statement execute function notify_projection_change();
