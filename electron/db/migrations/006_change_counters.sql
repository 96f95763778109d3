-- Change counters (issue 10): how often an area's tables have been written, counted by triggers,
-- so every code path that writes them counts, in-place updates included. A cache of something
-- derived from an area keys on its counter (the warnings' re-test declines: 'retests', which
-- also counts the roster, since the declines are per active athlete).
CREATE TABLE data_version (
  area    TEXT    PRIMARY KEY,
  version INTEGER NOT NULL DEFAULT 0
) STRICT;

INSERT INTO data_version (area, version) VALUES ('retests', 0);

CREATE TRIGGER data_version_retests_test_definition_insert AFTER INSERT ON test_definition
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_definition_update AFTER UPDATE ON test_definition
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_definition_delete AFTER DELETE ON test_definition
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_retest_settings_insert AFTER INSERT ON retest_settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_retest_settings_update AFTER UPDATE ON retest_settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_retest_settings_delete AFTER DELETE ON retest_settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_insert AFTER INSERT ON test_session
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_update AFTER UPDATE ON test_session
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_delete AFTER DELETE ON test_session
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_test_insert AFTER INSERT ON test_session_test
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_test_update AFTER UPDATE ON test_session_test
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_session_test_delete AFTER DELETE ON test_session_test
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_entry_insert AFTER INSERT ON test_entry
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_entry_update AFTER UPDATE ON test_entry
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_entry_delete AFTER DELETE ON test_entry
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_trial_insert AFTER INSERT ON test_trial
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_trial_update AFTER UPDATE ON test_trial
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_test_trial_delete AFTER DELETE ON test_trial
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_athlete_insert AFTER INSERT ON athlete
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_athlete_update AFTER UPDATE ON athlete
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;

CREATE TRIGGER data_version_retests_athlete_delete AFTER DELETE ON athlete
BEGIN
  UPDATE data_version SET version = version + 1 WHERE area = 'retests';
END;
