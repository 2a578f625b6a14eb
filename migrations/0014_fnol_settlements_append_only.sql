-- Settlement versions are never changed or removed: an adjuster's override is a new version.
CREATE TRIGGER `fnol_settlements_no_update` BEFORE UPDATE ON `fnol_settlements`
BEGIN
  SELECT RAISE(ABORT, 'fnol_settlements is append-only: an override is a new version');
END;
--> statement-breakpoint
CREATE TRIGGER `fnol_settlements_no_delete` BEFORE DELETE ON `fnol_settlements`
BEGIN
  SELECT RAISE(ABORT, 'fnol_settlements is append-only');
END;
