-- Ticket numbers come from one PostgreSQL sequence per service instead of the ticket_counters row:
-- nextval() takes no row lock, so concurrent creations of a service no longer queue behind the
-- counter until commit. A rolled-back creation leaves a gap in the numbers (accepted, documented).
CREATE FUNCTION "ticket_number_sequence"(p_service text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format('%I', 'ticket_no_' || p_service)
$$;--> statement-breakpoint
CREATE FUNCTION "next_ticket_number"(p_service text) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  seq text := ticket_number_sequence(p_service);
BEGIN
  -- Every service gets its sequence on insert (trigger below); this only covers a service row
  -- restored without it.
  IF to_regclass(seq) IS NULL THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s AS integer', seq);
  END IF;
  RETURN nextval(seq::regclass);
END
$$;--> statement-breakpoint
CREATE FUNCTION "services_ticket_number_sequence"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s AS integer', ticket_number_sequence(NEW.id));
    RETURN NEW;
  END IF;
  EXECUTE format('DROP SEQUENCE IF EXISTS %s', ticket_number_sequence(OLD.id));
  RETURN OLD;
END
$$;--> statement-breakpoint
CREATE TRIGGER "services_ticket_number_sequence" AFTER INSERT OR DELETE ON "services"
  FOR EACH ROW EXECUTE FUNCTION "services_ticket_number_sequence"();--> statement-breakpoint
DO $$
DECLARE
  s record;
  last integer;
BEGIN
  FOR s IN SELECT id FROM services LOOP
    EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %s AS integer', ticket_number_sequence(s.id));
    SELECT greatest(
      coalesce((SELECT last_number FROM ticket_counters WHERE service_id = s.id), 0),
      coalesce((SELECT max(number) FROM tickets WHERE service_id = s.id), 0)
    ) INTO last;
    IF last > 0 THEN
      PERFORM setval(ticket_number_sequence(s.id)::regclass, last);
    END IF;
  END LOOP;
END
$$;
