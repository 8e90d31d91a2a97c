-- The query instances' shared state, outside the view schemas that a rebuild swaps: where the group's
-- one rebuild stands, so that every instance answers /api/admin/projections/status alike.
create table rebuild_status (
    singleton  boolean     primary key default true check (singleton),
    status     jsonb       not null,
    updated_at timestamptz not null default now()
);
