-- The season plan and the squad calendar (issue 3): the exercise library, session templates,
-- blocks with their weekly rhythm and targets, test days and races, each athlete's own changes
-- on top of the group plan, and the calendar table the grid reads.
-- Dates are ISO text; loads are kilograms; fractions are stored as fractions (0.025 = 2.5%).
-- Rows that belong to an athlete or a group go with them (CASCADE): they are plans, not
-- training records. Templates and exercises in use cannot be deleted (RESTRICT).

-- Which version of the built-in library (shared/plan/exerciseLibrary.ts) this squad has received.
CREATE TABLE plan_meta (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  library_version INTEGER NOT NULL
) STRICT;

CREATE TABLE exercise (
  id             INTEGER PRIMARY KEY,
  -- Stable code of a built-in exercise ('rdl'); NULL for the coach's own.
  code           TEXT    UNIQUE,
  name           TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  name_key       TEXT    NOT NULL UNIQUE,
  category       TEXT    NOT NULL CHECK (category IN ('posterior_chain', 'core', 'hip_stability', 'single_leg_power', 'plyometric', 'sprint_specific', 'mobility')),
  pattern        TEXT    NOT NULL CHECK (pattern IN ('hinge', 'bridge', 'knee_flexion', 'calf', 'squat', 'lunge', 'step', 'anti_extension', 'anti_rotation',
                                                     'anti_lateral_flexion', 'carry', 'hip_abduction', 'hip_adduction', 'jump', 'hop', 'bound', 'sprint', 'mobility')),
  unilateral     INTEGER NOT NULL CHECK (unilateral IN (0, 1)),
  load_kind      TEXT    NOT NULL CHECK (load_kind IN ('external', 'bodyweight', 'time', 'distance', 'height', 'contacts')),
  equipment      TEXT    NOT NULL CHECK (equipment IN ('barbell', 'dumbbell', 'kettlebell', 'bodyweight', 'band', 'sled', 'box', 'machine', 'other')),
  default_tempo  TEXT    NOT NULL DEFAULT '',
  -- JSON array of 0-3 coaching cues.
  cues           TEXT    NOT NULL DEFAULT '[]' CHECK (json_valid(cues) AND json_type(cues) = 'array'),
  regression_id  INTEGER REFERENCES exercise (id) ON DELETE SET NULL,
  progression_id INTEGER REFERENCES exercise (id) ON DELETE SET NULL,
  builtin        INTEGER NOT NULL CHECK (builtin IN (0, 1)),
  hidden         INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  notes          TEXT    NOT NULL DEFAULT '',
  created_at     TEXT    NOT NULL,
  updated_at     TEXT    NOT NULL,
  CHECK (builtin = 0 OR code IS NOT NULL),
  CHECK (regression_id IS NOT id AND progression_id IS NOT id)
) STRICT;

CREATE INDEX exercise_by_name ON exercise (name COLLATE NOCASE);
CREATE INDEX exercise_by_regression ON exercise (regression_id) WHERE regression_id IS NOT NULL;
CREATE INDEX exercise_by_progression ON exercise (progression_id) WHERE progression_id IS NOT NULL;

-- Built-in exercises can be hidden, never destroyed (the service says so first; this is the backstop).
CREATE TRIGGER exercise_builtin_kept BEFORE DELETE ON exercise WHEN OLD.builtin = 1
BEGIN
  SELECT RAISE(ABORT, 'Built-in exercises can be hidden, not deleted');
END;

CREATE TABLE session_template (
  id              INTEGER PRIMARY KEY,
  code            TEXT    UNIQUE,
  name            TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  name_key        TEXT    NOT NULL UNIQUE,
  session_type    TEXT    NOT NULL CHECK (session_type IN ('A', 'B', 'C', 'custom')),
  phase           TEXT    CHECK (phase IS NULL OR phase IN ('acclimation', 'foundational', 'max_strength', 'power', 'sprint_specific', 'maintenance')),
  planned_minutes INTEGER NOT NULL CHECK (planned_minutes BETWEEN 5 AND 240),
  target_rpe      REAL    NOT NULL CHECK (target_rpe BETWEEN 1 AND 10),
  notes           TEXT    NOT NULL DEFAULT '',
  builtin         INTEGER NOT NULL CHECK (builtin IN (0, 1)),
  hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
  created_at      TEXT    NOT NULL,
  updated_at      TEXT    NOT NULL,
  CHECK (builtin = 0 OR code IS NOT NULL)
) STRICT;

CREATE INDEX session_template_by_name ON session_template (name COLLATE NOCASE);
CREATE INDEX session_template_by_phase ON session_template (phase, session_type);

CREATE TRIGGER session_template_builtin_kept BEFORE DELETE ON session_template WHEN OLD.builtin = 1
BEGIN
  SELECT RAISE(ABORT, 'Built-in templates can be hidden, not deleted');
END;

-- One exercise of a template, in order.
CREATE TABLE template_prescription (
  template_id  INTEGER NOT NULL REFERENCES session_template (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 1),
  exercise_id  INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
  sets         INTEGER NOT NULL CHECK (sets BETWEEN 1 AND 10),
  dose         INTEGER NOT NULL CHECK (dose BETWEEN 1 AND 1000),
  dose_unit    TEXT    NOT NULL CHECK (dose_unit IN ('reps', 'seconds', 'metres', 'contacts')),
  per_side     INTEGER NOT NULL CHECK (per_side IN (0, 1)),
  load_rule    TEXT    NOT NULL CHECK (load_rule IN ('percent_max', 'rir', 'fixed_kg', 'bodyweight')),
  -- Percent (70 = 70%), reps in reserve, or kilograms; NULL for bodyweight.
  load_value   REAL,
  tempo        TEXT    NOT NULL DEFAULT '',
  rest_seconds INTEGER NOT NULL CHECK (rest_seconds BETWEEN 0 AND 900),
  notes        TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (template_id, position),
  CHECK ((load_rule = 'bodyweight' AND load_value IS NULL) OR (load_rule <> 'bodyweight' AND load_value IS NOT NULL))
) STRICT;

CREATE INDEX template_prescription_by_exercise ON template_prescription (exercise_id);

-- A block: a phase, a start on the squad's first day of the week, 1-8 weeks, an optional deload
-- week, the weekly load progression and the deload rule (REFERENCE.md §6.2).
CREATE TABLE block (
  id                    INTEGER PRIMARY KEY,
  name                  TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  phase                 TEXT    NOT NULL CHECK (phase IN ('acclimation', 'foundational', 'max_strength', 'power', 'sprint_specific', 'maintenance')),
  start_date            TEXT    NOT NULL CHECK (date(start_date) = start_date),
  end_date              TEXT    NOT NULL,
  weeks                 INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 8),
  deload_week           INTEGER CHECK (deload_week IS NULL OR deload_week BETWEEN 1 AND weeks),
  weekly_progression    REAL    NOT NULL CHECK (weekly_progression BETWEEN 0.02 AND 0.05),
  deload_set_reduction  REAL    NOT NULL CHECK (deload_set_reduction BETWEEN 0 AND 0.6),
  deload_load_reduction REAL    NOT NULL CHECK (deload_load_reduction BETWEEN 0 AND 0.2),
  deload_rir_increase   REAL    NOT NULL CHECK (deload_rir_increase BETWEEN 0 AND 4),
  notes                 TEXT    NOT NULL DEFAULT '',
  created_at            TEXT    NOT NULL,
  updated_at            TEXT    NOT NULL,
  CHECK (end_date = date(start_date, '+' || (weeks * 7 - 1) || ' days'))
) STRICT;

CREATE INDEX block_by_dates ON block (start_date, end_date);

-- Who a block is for: groups and/or individual athletes (exactly one of the two per row).
CREATE TABLE block_target (
  block_id   INTEGER NOT NULL REFERENCES block (id) ON DELETE CASCADE,
  group_id   INTEGER REFERENCES squad_group (id) ON DELETE CASCADE,
  athlete_id INTEGER REFERENCES athlete (id) ON DELETE CASCADE,
  CHECK ((group_id IS NULL) <> (athlete_id IS NULL))
) STRICT;

CREATE UNIQUE INDEX block_target_group ON block_target (block_id, group_id) WHERE group_id IS NOT NULL;
CREATE UNIQUE INDEX block_target_athlete ON block_target (block_id, athlete_id) WHERE athlete_id IS NOT NULL;
CREATE INDEX block_target_by_group ON block_target (group_id) WHERE group_id IS NOT NULL;
CREATE INDEX block_target_by_athlete ON block_target (athlete_id) WHERE athlete_id IS NOT NULL;

-- The weekly rhythm: per weekday (0 = Sunday) one optional strength session and one optional run.
CREATE TABLE block_day (
  block_id           INTEGER NOT NULL REFERENCES block (id) ON DELETE CASCADE,
  weekday            INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  template_id        INTEGER REFERENCES session_template (id) ON DELETE RESTRICT,
  -- The session starts in this week of the block ("Sun C after week 4").
  strength_from_week INTEGER NOT NULL DEFAULT 1 CHECK (strength_from_week BETWEEN 1 AND 8),
  run_type           TEXT    CHECK (run_type IS NULL OR run_type IN ('easy', 'tempo', 'intervals', 'long', 'sprint', 'race', 'rest', 'cross_training')),
  run_minutes        INTEGER CHECK (run_minutes BETWEEN 0 AND 600),
  run_rpe            REAL    CHECK (run_rpe BETWEEN 0 AND 10),
  PRIMARY KEY (block_id, weekday),
  CHECK ((run_type IS NULL) = (run_minutes IS NULL) AND (run_type IS NULL) = (run_rpe IS NULL))
) STRICT;

CREATE INDEX block_day_by_template ON block_day (template_id) WHERE template_id IS NOT NULL;

-- Test days and races: for the squad (no group, no athlete), one group, or one athlete.
CREATE TABLE calendar_event (
  id         INTEGER PRIMARY KEY,
  date       TEXT    NOT NULL CHECK (date(date) = date),
  kind       TEXT    NOT NULL CHECK (kind IN ('test_day', 'race')),
  name       TEXT    NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  group_id   INTEGER REFERENCES squad_group (id) ON DELETE CASCADE,
  athlete_id INTEGER REFERENCES athlete (id) ON DELETE CASCADE,
  notes      TEXT    NOT NULL DEFAULT '',
  created_at TEXT    NOT NULL,
  CHECK (group_id IS NULL OR athlete_id IS NULL)
) STRICT;

CREATE INDEX calendar_event_by_date ON calendar_event (date);

-- An athlete's own changes on one day, kept apart from the group plan so it stays intact and a
-- change can be reset. One row per athlete and day; a row exists only while something differs.
CREATE TABLE athlete_day_change (
  athlete_id           INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
  date                 TEXT    NOT NULL CHECK (date(date) = date),
  strength_change      TEXT    CHECK (strength_change IS NULL OR strength_change IN ('skip', 'replace', 'moved_out', 'moved_in')),
  strength_template_id INTEGER REFERENCES session_template (id) ON DELETE RESTRICT,
  -- moved_out: where the session went; moved_in: where it came from.
  strength_moved_date  TEXT,
  run_change           TEXT    CHECK (run_change IS NULL OR run_change IN ('skip', 'set')),
  run_type             TEXT    CHECK (run_type IS NULL OR run_type IN ('easy', 'tempo', 'intervals', 'long', 'sprint', 'race', 'rest', 'cross_training')),
  run_minutes          INTEGER CHECK (run_minutes BETWEEN 0 AND 600),
  run_rpe              REAL    CHECK (run_rpe BETWEEN 0 AND 10),
  -- 1: a deload day for this athlete; 0: not a deload; NULL: as planned.
  deload               INTEGER CHECK (deload IN (0, 1)),
  note                 TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  updated_at           TEXT    NOT NULL,
  PRIMARY KEY (athlete_id, date),
  CHECK (coalesce(strength_change IN ('replace', 'moved_in'), 0) = (strength_template_id IS NOT NULL)),
  CHECK (coalesce(strength_change IN ('moved_out', 'moved_in'), 0) = (strength_moved_date IS NOT NULL)),
  CHECK (coalesce(run_change = 'set', 0) = (run_type IS NOT NULL) AND (run_type IS NULL) = (run_minutes IS NULL) AND (run_type IS NULL) = (run_rpe IS NULL)),
  CHECK (strength_change IS NOT NULL OR run_change IS NOT NULL OR deload IS NOT NULL OR note <> '')
) STRICT;

-- An exercise swapped for another (usually its regression) for one athlete over a date range.
CREATE TABLE exercise_swap (
  id             INTEGER PRIMARY KEY,
  athlete_id     INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
  exercise_id    INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
  replacement_id INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
  from_date      TEXT    NOT NULL CHECK (date(from_date) = from_date),
  to_date        TEXT    CHECK (to_date IS NULL OR (date(to_date) = to_date AND to_date >= from_date)),
  reason         TEXT    NOT NULL CHECK (reason IN ('injury', 'coach')),
  note           TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  created_at     TEXT    NOT NULL,
  CHECK (exercise_id <> replacement_id)
) STRICT;

CREATE INDEX exercise_swap_by_athlete ON exercise_swap (athlete_id, from_date);
CREATE INDEX exercise_swap_by_replacement ON exercise_swap (replacement_id);
CREATE INDEX exercise_swap_by_exercise ON exercise_swap (exercise_id);

-- The calendar: one row per active athlete per day that carries anything (a day of one of their
-- blocks, or a day with one of their own changes), derived from everything above by
-- electron/services/plan/calendarStore.ts and rebuilt in the same transaction as every plan
-- edit. `day` is the day number (days since 1970-01-01) the grid's range scans use;
-- `grid_code` packs what a grid cell shows (shared/plan/gridCode.ts).
CREATE TABLE athlete_day (
  athlete_id          INTEGER NOT NULL REFERENCES athlete (id) ON DELETE CASCADE,
  day                 INTEGER NOT NULL,
  date                TEXT    NOT NULL,
  block_id            INTEGER,
  week                INTEGER,
  phase               TEXT,
  is_deload           INTEGER NOT NULL CHECK (is_deload IN (0, 1)),
  -- The group plan's session, and the one the athlete does after their changes (NULL = none).
  planned_template_id INTEGER,
  template_id         INTEGER,
  -- The group plan's run type, and the run the athlete does after their changes (NULL = none or skipped).
  planned_run_type    TEXT,
  run_type            TEXT,
  run_minutes         INTEGER,
  run_rpe             REAL,
  -- Planning rules broken on this day: bit n-1 for rule n (shared/plan/rules.ts).
  rule_flags          INTEGER NOT NULL DEFAULT 0,
  grid_code           INTEGER NOT NULL
) STRICT;

-- One athlete's range (the day detail, rule checks, session sheets)...
CREATE UNIQUE INDEX athlete_day_by_athlete ON athlete_day (athlete_id, day);
-- ...and the grid: a date range for every athlete, read from this index alone.
CREATE INDEX athlete_day_by_day ON athlete_day (day, athlete_id, grid_code, template_id, planned_template_id);

-- Athletes whose calendar rows must be rebuilt before the calendar is next read. The roster
-- (adding, moving, archiving athletes, changing a race goal) and the settings (first day of the
-- week) mark them here through triggers, so every path that changes them (forms, CSV import,
-- bulk moves) keeps the grid right without knowing about it.
CREATE TABLE athlete_day_pending (
  athlete_id INTEGER PRIMARY KEY REFERENCES athlete (id) ON DELETE CASCADE
) STRICT;

CREATE TRIGGER athlete_day_new_athlete AFTER INSERT ON athlete
BEGIN
  INSERT OR IGNORE INTO athlete_day_pending (athlete_id) VALUES (NEW.id);
END;

CREATE TRIGGER athlete_day_athlete_changed AFTER UPDATE OF group_id, race_goal, archived_at ON athlete
WHEN OLD.group_id IS NOT NEW.group_id OR OLD.race_goal IS NOT NEW.race_goal OR OLD.archived_at IS NOT NEW.archived_at
BEGIN
  INSERT OR IGNORE INTO athlete_day_pending (athlete_id) VALUES (NEW.id);
END;

CREATE TRIGGER athlete_day_week_start_changed AFTER UPDATE OF first_day_of_week ON squad_settings
WHEN OLD.first_day_of_week IS NOT NEW.first_day_of_week
BEGIN
  INSERT OR IGNORE INTO athlete_day_pending (athlete_id) SELECT id FROM athlete WHERE archived_at IS NULL;
END;

CREATE TRIGGER athlete_day_week_start_set AFTER INSERT ON squad_settings
WHEN NEW.first_day_of_week <> 1
BEGIN
  INSERT OR IGNORE INTO athlete_day_pending (athlete_id) SELECT id FROM athlete WHERE archived_at IS NULL;
END;
