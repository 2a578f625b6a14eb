-- Every change to a claim, whoever writes it, makes a new version: the ETag clients send back in If-Match.
CREATE TRIGGER `claims_version_bump` AFTER UPDATE ON `claims`
WHEN NEW.version = OLD.version
BEGIN
  UPDATE `claims` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
