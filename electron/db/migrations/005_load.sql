-- Training load, wellness and deload warnings (issue 7). The load series are computed on read
-- from the plan (athlete_day) and the logs (migration 004); this file adds the indexes those
-- reads need, the coach's warning thresholds, and what the coach did about a warning.

-- Weeks since the last deload and the next planned one: an athlete's deload days, found by the
-- nearest one before or after a day without walking the whole season.
CREATE INDEX athlete_day_deload ON athlete_day (athlete_id, day) WHERE is_deload = 1;

-- The warning thresholds (REFERENCE.md §4, §6.3, §8; DOMAIN.md "Monitoring and deload warnings"):
-- one row, written on the first save. While there is no row the defaults in
-- shared/load/thresholds.ts apply. Each column's meaning is explained on the Settings screen.
CREATE TABLE warning_settings (
  id                      INTEGER PRIMARY KEY CHECK (id = 1),
  weeks_since_deload      INTEGER NOT NULL CHECK (weeks_since_deload BETWEEN 2 AND 16),
  weekly_jump_percent     REAL    NOT NULL CHECK (weekly_jump_percent BETWEEN 5 AND 100),
  acwr_high               REAL    NOT NULL CHECK (acwr_high BETWEEN 1 AND 3),
  acwr_method             TEXT    NOT NULL CHECK (acwr_method IN ('ewma', 'rolling-uncoupled', 'rolling-coupled')),
  monotony_high           REAL    NOT NULL CHECK (monotony_high BETWEEN 1 AND 5),
  monotony_sd             TEXT    NOT NULL CHECK (monotony_sd IN ('sample', 'population')),
  wellness_z              REAL    NOT NULL CHECK (wellness_z BETWEEN -3 AND -0.5),
  wellness_item           INTEGER NOT NULL CHECK (wellness_item BETWEEN 1 AND 3),
  wellness_days           INTEGER NOT NULL CHECK (wellness_days BETWEEN 1 AND 14),
  hamstring_times         INTEGER NOT NULL CHECK (hamstring_times BETWEEN 1 AND 14),
  hamstring_window_days   INTEGER NOT NULL CHECK (hamstring_window_days BETWEEN 3 AND 28),
  retest_window_days      INTEGER NOT NULL CHECK (retest_window_days BETWEEN 7 AND 120),
  updated_at              TEXT    NOT NULL,
  CHECK (hamstring_times <= hamstring_window_days)
) STRICT;

-- What the coach did about an athlete's warning: dismissed it (with a note) or scheduled a
-- deload week. Kept as the warnings' history. `signals` is the JSON list of the warning's
-- signal keys when it was acted on (a dismissed warning comes back when a new signal appears);
-- `reasons` the sentence the coach saw. For a deload, `plan_before` holds the athlete's days as
-- they were (shared/plan/views.ts ChangeSnapshot[]), so undo puts them back exactly.
CREATE TABLE warning_action (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
  kind        TEXT    NOT NULL CHECK (kind IN ('dismissed', 'deload_scheduled')),
  as_of       TEXT    NOT NULL CHECK (date(as_of) = as_of),
  level       TEXT    NOT NULL CHECK (level IN ('watch', 'act')),
  signals     TEXT    NOT NULL CHECK (json_valid(signals) AND json_type(signals) = 'array'),
  reasons     TEXT    NOT NULL,
  note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  deload_from TEXT    CHECK (deload_from IS NULL OR date(deload_from) = deload_from),
  deload_to   TEXT    CHECK (deload_to IS NULL OR date(deload_to) = deload_to),
  plan_before TEXT    CHECK (plan_before IS NULL OR (json_valid(plan_before) AND json_type(plan_before) = 'array')),
  created_at  TEXT    NOT NULL,
  CHECK ((kind = 'deload_scheduled') = (deload_from IS NOT NULL AND deload_to IS NOT NULL AND plan_before IS NOT NULL))
) STRICT;

-- An athlete's history (their page), newest first by id (ids grow with time); the squad's
-- history reads the table backwards by id.
CREATE INDEX warning_action_by_athlete ON warning_action (athlete_id);
-- Dismissals of the last 14 days (whether a current warning stays dismissed).
CREATE INDEX warning_action_dismissed ON warning_action (created_at) WHERE kind = 'dismissed';
