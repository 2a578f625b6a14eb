-- The domain event log is append-only. The one permitted change is an erasure's pseudonymisation:
-- it may replace the detail once, setting pseudonymised_at, and nothing else.
CREATE TRIGGER `domain_events_no_update` BEFORE UPDATE ON `domain_events`
WHEN NOT (
  OLD.pseudonymised_at IS NULL AND NEW.pseudonymised_at IS NOT NULL
  AND NEW.seq = OLD.seq AND NEW.id = OLD.id AND NEW.detail_type = OLD.detail_type AND NEW.source = OLD.source
  AND NEW.time = OLD.time AND NEW.version = OLD.version
  AND NEW.customer_id IS OLD.customer_id AND NEW.subject_id IS OLD.subject_id
)
BEGIN
  SELECT RAISE(ABORT, 'domain_events is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `domain_events_no_delete` BEFORE DELETE ON `domain_events`
BEGIN
  SELECT RAISE(ABORT, 'domain_events is append-only');
END;
