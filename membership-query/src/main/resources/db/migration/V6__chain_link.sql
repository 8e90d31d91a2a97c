-- The chain hash of each community's last applied event: the next one must link to it (its prevHash), and a
-- record for the same version with another hash is a fork of history. Null for communities applied before
-- records carried hashes; their next event is then applied without the check and sets it.
alter table community add column last_hash varchar(64);
