-- Trial logins for docker-compose.yml only (never on a real server): the owner, a specialist and
-- a văn thư, each with the password «thu».
ALTER ROLE bcn_owner PASSWORD 'thu';
CREATE ROLE thu_chuyen_vien LOGIN PASSWORD 'thu' IN ROLE bcn_chuyen_vien;
CREATE ROLE thu_van_thu LOGIN PASSWORD 'thu' IN ROLE bcn_van_thu;
