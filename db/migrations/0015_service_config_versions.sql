CREATE TABLE "service_config_versions" (
	"service_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE SEQUENCE "service_config_version_seq";
--> statement-breakpoint
-- Bumps the version of every service a statement touched (its rows are in the transition table `changed`).
CREATE FUNCTION bump_service_config_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO service_config_versions (service_id, version)
    SELECT s, nextval('service_config_version_seq') FROM (SELECT DISTINCT service_id AS s FROM changed) x
    ON CONFLICT (service_id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['categories', 'fields', 'field_layouts', 'groups', 'group_members', 'service_members', 'disabled_endpoints'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_service_config_version()', t || '_config_ins', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_service_config_version()', t || '_config_upd', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION bump_service_config_version()', t || '_config_del', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A service's own settings (languages, editor type).
CREATE FUNCTION bump_service_config_version_of_service() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO service_config_versions (service_id, version) VALUES (NEW.id, nextval('service_config_version_seq'))
    ON CONFLICT (service_id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A member's name, address or status: every service they are an agent of.
CREATE FUNCTION bump_service_config_version_of_member() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO service_config_versions (service_id, version)
    SELECT s, nextval('service_config_version_seq') FROM (SELECT DISTINCT sm.service_id AS s FROM service_members sm WHERE sm.member_id = NEW.id) x
    ON CONFLICT (service_id) DO UPDATE SET version = excluded.version;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER services_config_upd AFTER UPDATE ON services FOR EACH ROW EXECUTE FUNCTION bump_service_config_version_of_service();
--> statement-breakpoint
CREATE TRIGGER members_config_upd AFTER UPDATE ON members FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.email IS DISTINCT FROM NEW.email OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION bump_service_config_version_of_member();
