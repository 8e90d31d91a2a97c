#!/bin/sh
# The ledger's database roles in the postgres container (docs/security.md#the-database-roles). The image runs
# this once, on its first start with an empty data directory (it is mounted into /docker-entrypoint-initdb.d):
# ledger-roles.sql creates the roles, then their passwords are set from the environment. It can run again at any
# time, e.g. to change the passwords or to give an installation from before the roles its roles (docs/deploy.md):
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/create-ledger-roles.sh
set -e
: "${DB_OWNER_PASSWORD:?set DB_OWNER_PASSWORD}"
: "${DB_COMMAND_PASSWORD:?set DB_COMMAND_PASSWORD}"
: "${DB_QUERY_PASSWORD:?set DB_QUERY_PASSWORD}"

psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-ledger}" \
    -f /ledger/ledger-roles.sql
# The passwords come from the environment into psql variables, quoted by psql (:'name'): never on a command line.
psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname "${POSTGRES_DB:-ledger}" <<'SQL'
\getenv owner_password DB_OWNER_PASSWORD
\getenv command_password DB_COMMAND_PASSWORD
\getenv query_password DB_QUERY_PASSWORD
alter role ledger_owner password :'owner_password';
alter role ledger_command password :'command_password';
alter role ledger_query password :'query_password';
SQL
