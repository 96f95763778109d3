-- Block re-tests (issue 5): the test battery, test sessions and their results.
-- Values are stored in each test's own unit (cm, s, ...); added loads in kilograms.
-- DOMAIN.md "Re-tests" gives the built-in battery; REFERENCE.md §1 the statistics.

-- The battery. Built-in tests (builtin_key set) can be hidden, never deleted; the coach adds
-- their own. The typical error in use is stored with where it came from, its n and its date.
CREATE TABLE test_definition (
  id                       INTEGER PRIMARY KEY,
  builtin_key              TEXT    UNIQUE,
  name                     TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  name_key                 TEXT    NOT NULL UNIQUE,
  -- Column heading and CSV header, e.g. "CMJ", "10 m".
  short_name               TEXT    NOT NULL CHECK (length(short_name) BETWEEN 1 AND 16),
  short_name_key           TEXT    NOT NULL UNIQUE,
  unit                     TEXT    NOT NULL CHECK (length(unit) BETWEEN 1 AND 12),
  higher_is_better         INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
  decimals                 INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 3),
  range_min                REAL    NOT NULL CHECK (range_min >= 0),
  range_max                REAL    NOT NULL,
  trials                   INTEGER NOT NULL CHECK (trials BETWEEN 1 AND 6),
  score_rule               TEXT    NOT NULL CHECK (score_rule IN ('best', 'mean')),
  sided                    INTEGER NOT NULL CHECK (sided IN (0, 1)),
  -- What extra a result carries: jump (may be entered as flight time), loaded_jump (+ added
  -- load), sprint (a split of a timed run), balance (eyes open or closed), plain (nothing).
  kind                     TEXT    NOT NULL CHECK (kind IN ('plain', 'jump', 'loaded_jump', 'sprint', 'balance')),
  sprint_distance_m        REAL    CHECK (sprint_distance_m IS NULL OR sprint_distance_m > 0),
  default_typical_error    REAL    CHECK (default_typical_error IS NULL OR default_typical_error > 0),
  default_typical_error_note TEXT  NOT NULL DEFAULT '',
  typical_error            REAL    CHECK (typical_error IS NULL OR typical_error > 0),
  typical_error_source     TEXT    NOT NULL CHECK (typical_error_source IN ('default', 'coach', 'reliability', 'none')),
  typical_error_n          INTEGER CHECK (typical_error_n IS NULL OR typical_error_n >= 2),
  typical_error_date       TEXT,
  typical_error_session_id INTEGER REFERENCES test_session (id) ON DELETE SET NULL,
  -- A coach-set smallest worthwhile change (REFERENCE.md §1.4 "anchor value"); NULL = 0.2 × baseline SD.
  swc_fixed                REAL    CHECK (swc_fixed IS NULL OR swc_fixed > 0),
  hidden                   INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  sort_order               INTEGER NOT NULL,
  created_at               TEXT    NOT NULL,
  updated_at               TEXT    NOT NULL,
  CHECK (range_max > range_min),
  CHECK ((typical_error IS NULL) = (typical_error_source = 'none'))
) STRICT;

CREATE INDEX test_definition_by_order ON test_definition (sort_order, id);

-- Squad-wide re-test settings (one row): SWC factor, SD_pure, the asymmetry flag.
CREATE TABLE retest_settings (
  id                     INTEGER PRIMARY KEY CHECK (id = 1),
  swc_factor             REAL    NOT NULL CHECK (swc_factor > 0 AND swc_factor <= 2),
  swc_use_pure_sd        INTEGER NOT NULL CHECK (swc_use_pure_sd IN (0, 1)),
  asymmetry_flag_percent REAL    NOT NULL CHECK (asymmetry_flag_percent > 0 AND asymmetry_flag_percent < 100),
  updated_at             TEXT    NOT NULL
) STRICT;

INSERT INTO retest_settings (id, swc_factor, swc_use_pure_sd, asymmetry_flag_percent, updated_at)
VALUES (1, 0.2, 0, 10, '2026-01-01T00:00:00.000Z');

-- A test session: one date, a kind and a label ("Baseline", "End of block 2"). The block a
-- session falls in is found from its date by the season plan, not stored here.
CREATE TABLE test_session (
  id           INTEGER PRIMARY KEY,
  session_date TEXT    NOT NULL CHECK (session_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind         TEXT    NOT NULL CHECK (kind IN ('baseline', 'retest', 'reliability')),
  label        TEXT    NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
  notes        TEXT    NOT NULL DEFAULT '',
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL
) STRICT;

-- The session list, newest first.
CREATE INDEX test_session_by_date ON test_session (session_date, id);

-- Which tests a session includes (the entry grid shows these).
CREATE TABLE test_session_test (
  session_id INTEGER NOT NULL REFERENCES test_session (id) ON DELETE CASCADE,
  test_id    INTEGER NOT NULL REFERENCES test_definition (id) ON DELETE RESTRICT,
  PRIMARY KEY (session_id, test_id)
) STRICT;

CREATE INDEX test_session_test_by_test ON test_session_test (test_id);

-- One athlete's result for one test (and one side) in one session: absent, injured, or ok
-- with the score (best or mean of the trials by the test's rule, kept in step with the
-- trials by the service, so comparisons and trends never re-read every trial).
CREATE TABLE test_entry (
  id            INTEGER PRIMARY KEY,
  session_id    INTEGER NOT NULL REFERENCES test_session (id) ON DELETE CASCADE,
  test_id       INTEGER NOT NULL REFERENCES test_definition (id) ON DELETE RESTRICT,
  -- RESTRICT: an athlete with results can be archived, not deleted.
  athlete_id    INTEGER NOT NULL REFERENCES athlete (id) ON DELETE RESTRICT,
  side          TEXT    NOT NULL CHECK (side IN ('none', 'left', 'right')),
  status        TEXT    NOT NULL CHECK (status IN ('ok', 'absent', 'injured')),
  score         REAL,
  added_load_kg REAL    CHECK (added_load_kg IS NULL OR (added_load_kg >= 0 AND added_load_kg <= 300)),
  eyes          TEXT    CHECK (eyes IS NULL OR eyes IN ('open', 'closed')),
  updated_at    TEXT    NOT NULL,
  UNIQUE (session_id, test_id, athlete_id, side),
  CHECK ((status = 'ok') = (score IS NOT NULL))
) STRICT;

-- A session's athletes (the session list's head count).
CREATE INDEX test_entry_by_session_athlete ON test_entry (session_id, athlete_id);
-- An athlete's history (trend charts, deload warnings).
CREATE INDEX test_entry_by_athlete ON test_entry (athlete_id, test_id, side, session_id);
-- Squad trends per test across sessions, read from the index alone; results per test.
CREATE INDEX test_entry_by_test ON test_entry (test_id, side, session_id, score);

-- The trials behind an entry. A sprint split carries the run it was timed in: the 10, 20 and
-- 30 m splits of one run share (session, athlete, run_number).
CREATE TABLE test_trial (
  entry_id      INTEGER NOT NULL REFERENCES test_entry (id) ON DELETE CASCADE,
  trial         INTEGER NOT NULL CHECK (trial BETWEEN 1 AND 6),
  value         REAL    NOT NULL,
  -- Jumps entered as flight time keep it; value is then g·t²/8 in cm (REFERENCE.md §2.1).
  flight_time_s REAL    CHECK (flight_time_s IS NULL OR flight_time_s > 0),
  run_number    INTEGER CHECK (run_number IS NULL OR run_number BETWEEN 1 AND 6),
  PRIMARY KEY (entry_id, trial)
) STRICT;

-- The built-in battery (DOMAIN.md "Re-tests"). Default typical errors are conversions of the
-- CVs REFERENCE.md gives; each note is the sentence the app shows. shared/domain/retests.ts holds
-- the same values (a test checks they agree).
INSERT INTO test_definition (builtin_key, name, name_key, short_name, short_name_key, unit, higher_is_better, decimals, range_min, range_max,
  trials, score_rule, sided, kind, sprint_distance_m, default_typical_error, default_typical_error_note, typical_error, typical_error_source,
  sort_order, created_at, updated_at)
VALUES
  ('cmj', 'Countermovement jump', 'countermovement jump', 'CMJ', 'cmj', 'cm', 1, 1, 5, 90, 3, 'best', 0, 'jump', NULL, 1.0,
   'About 3% of a 33 cm jump: REFERENCE.md §2.3 puts the CMJ’s typical error at a CV of about 2–5% in trained samples.', 1.0, 'default',
   1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('loaded_jump', 'Loaded jump', 'loaded jump', 'Loaded jump', 'loaded jump', 'cm', 1, 1, 3, 80, 3, 'best', 0, 'loaded_jump', NULL, 0.8,
   'About 3% of a 25 cm loaded jump, assuming it is as reliable as the unloaded CMJ (REFERENCE.md §2.3: CV about 2–5%).', 0.8, 'default',
   2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('balance_eyes_closed', 'Single-leg balance, eyes closed', 'single-leg balance, eyes closed', 'Balance', 'balance', 's', 1, 1, 0, 120, 2, 'best', 1, 'balance', NULL, 3.0,
   'About 20% of a 15 s eyes-closed stand: timed balance is very noisy from trial to trial and REFERENCE.md §7.2 gives no figure.', 3.0, 'default',
   3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('sprint_10', 'Sprint 10 m', 'sprint 10 m', '10 m', '10 m', 's', 0, 2, 1.4, 3.5, 2, 'best', 0, 'sprint', 10, 0.04,
   'About 2% of a 1.9 s time: twice the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as gate starts add noise to short splits (§3.1).', 0.04, 'default',
   4, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('sprint_20', 'Sprint 20 m', 'sprint 20 m', '20 m', '20 m', 's', 0, 2, 2.5, 5.5, 2, 'best', 0, 'sprint', 20, 0.05,
   'About 1.5% of a 3.3 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as the start adds noise (§3.1).', 0.05, 'default',
   5, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('sprint_30', 'Sprint 30 m', 'sprint 30 m', '30 m', '30 m', 's', 0, 2, 3.5, 7.5, 2, 'best', 0, 'sprint', 30, 0.07,
   'About 1.5% of a 4.6 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4), as the start adds noise (§3.1).', 0.07, 'default',
   6, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('flying_30', 'Flying 30 m', 'flying 30 m', 'Flying 30', 'flying 30', 's', 0, 2, 2.5, 6.0, 2, 'best', 0, 'plain', 30, 0.05,
   'About 1.5% of a 3.4 s time: above the 1% race-to-race CV of sprinters (REFERENCE.md §1.4); a flying start removes most start noise.', 0.05, 'default',
   7, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
