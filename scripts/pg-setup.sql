-- Báo cáo nhanh: the agency's shared history server, set up once by IT.
--
--   psql -U postgres -f scripts/pg-setup.sql
--
-- Makes the database «bao_cao_nhanh», its owner «bcn_owner» (the schema's owner: the first start
-- of the program with this login creates the tables and grants the roles their rights), and the
-- two group roles the server enforces:
--   bcn_chuyen_vien  specialists: draft, generate without a number
--   bcn_van_thu      the văn thư: gives outgoing numbers, voids them, marks documents sent
-- Each person then gets a login in one of the groups (see docs/postgres.md). Safe to run again.

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bcn_owner') THEN
        CREATE ROLE bcn_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bcn_chuyen_vien') THEN
        CREATE ROLE bcn_chuyen_vien NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bcn_van_thu') THEN
        CREATE ROLE bcn_van_thu NOLOGIN;
    END IF;
END $$;

SELECT 'CREATE DATABASE bao_cao_nhanh OWNER bcn_owner ENCODING ''UTF8'' TEMPLATE template0'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'bao_cao_nhanh') \gexec

REVOKE ALL ON DATABASE bao_cao_nhanh FROM PUBLIC;
GRANT CONNECT ON DATABASE bao_cao_nhanh TO bcn_owner, bcn_chuyen_vien, bcn_van_thu;

\connect bao_cao_nhanh
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO bcn_chuyen_vien, bcn_van_thu;
GRANT CREATE ON SCHEMA public TO bcn_owner;
