-- Session sheets and what is keyed back from them (issue 4): each athlete's working maxes, their
-- strength sessions with the sets actually done, their runs, and a daily wellness check. Load
-- monitoring (issue 7) reads the logs: session RPE x minutes from strength and runs, per athlete
-- and date. Dates are ISO text; loads are kilograms. Everything here records training, so an
-- athlete with rows here can only be archived, not deleted (RESTRICT).

-- What the coach entered per athlete and exercise: a tested 1RM (with its date) and/or a starting
-- load with the rep target it is for. The working max on a sheet is the tested 1RM, else an
-- estimate from logged sets, else the starting load (shared/sheets/workingMax.ts).
CREATE TABLE working_max (
  athlete_id    INTEGER NOT NULL REFERENCES athlete (id) ON DELETE RESTRICT,
  exercise_id   INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
  tested_kg     REAL    CHECK (tested_kg IS NULL OR (tested_kg > 0 AND tested_kg <= 500)),
  tested_on     TEXT    CHECK (tested_on IS NULL OR date(tested_on) = tested_on),
  starting_kg   REAL    CHECK (starting_kg IS NULL OR (starting_kg > 0 AND starting_kg <= 500)),
  starting_reps INTEGER CHECK (starting_reps IS NULL OR starting_reps BETWEEN 1 AND 30),
  updated_at    TEXT    NOT NULL,
  PRIMARY KEY (athlete_id, exercise_id),
  CHECK ((tested_kg IS NULL) = (tested_on IS NULL)),
  CHECK ((starting_kg IS NULL) = (starting_reps IS NULL)),
  CHECK (tested_kg IS NOT NULL OR starting_kg IS NOT NULL)
) STRICT;

-- The working-max screen for one exercise across a group.
CREATE INDEX working_max_by_exercise ON working_max (exercise_id, athlete_id);

-- A strength session as it was done (or missed): one per athlete per day, like the plan.
-- template_name keeps what the session was called, should the coach's own template be deleted.
CREATE TABLE strength_log (
  id            INTEGER PRIMARY KEY,
  athlete_id    INTEGER NOT NULL REFERENCES athlete (id) ON DELETE RESTRICT,
  date          TEXT    NOT NULL CHECK (date(date) = date),
  template_id   INTEGER REFERENCES session_template (id) ON DELETE SET NULL,
  template_name TEXT    NOT NULL DEFAULT '',
  status        TEXT    NOT NULL CHECK (status IN ('done', 'modified', 'missed')),
  -- Session RPE on Foster's CR-10 scale and the whole session's minutes: session load = RPE x minutes.
  session_rpe   REAL    CHECK (session_rpe IS NULL OR (session_rpe BETWEEN 0 AND 10)),
  minutes       INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 300),
  note          TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  updated_at    TEXT    NOT NULL,
  UNIQUE (athlete_id, date),
  -- The target of strength_set's foreign key, which keeps each set's athlete and date equal to its session's.
  UNIQUE (id, athlete_id, date),
  CHECK (status <> 'missed' OR (session_rpe IS NULL AND minutes IS NULL))
) STRICT;

-- The entry screen and the sheets: one day for a list of athletes.
CREATE INDEX strength_log_by_date ON strength_log (date, athlete_id);

-- The sets actually done. athlete_id and date repeat the session's (the foreign key makes sure),
-- so an athlete's sets of an exercise over recent weeks (the estimated 1RM) come from one index.
-- The primary key starts with the foreign key's columns, so deleting a session finds its sets.
-- (Deleting one of the coach's own exercises scans the sets to check none uses it: rare, and it
-- saves an index on every one of the large squad's million sets.)
CREATE TABLE strength_set (
  log_id          INTEGER NOT NULL,
  athlete_id      INTEGER NOT NULL,
  date            TEXT    NOT NULL,
  position        INTEGER NOT NULL CHECK (position BETWEEN 1 AND 30),
  set_number      INTEGER NOT NULL CHECK (set_number BETWEEN 1 AND 20),
  exercise_id     INTEGER NOT NULL REFERENCES exercise (id) ON DELETE RESTRICT,
  reps            INTEGER CHECK (reps IS NULL OR reps BETWEEN 0 AND 100),
  load_kg         REAL    CHECK (load_kg IS NULL OR (load_kg >= 0 AND load_kg <= 500)),
  seconds         INTEGER CHECK (seconds IS NULL OR seconds BETWEEN 0 AND 3600),
  metres          INTEGER CHECK (metres IS NULL OR metres BETWEEN 0 AND 1000),
  contacts        INTEGER CHECK (contacts IS NULL OR contacts BETWEEN 0 AND 500),
  -- What the sheet asked for: the dose in the line's unit and the load in kg.
  planned_dose    INTEGER,
  planned_load_kg REAL,
  -- The reps the set stopped short of failure, as its prescription meant it (its RIR, or for a
  -- percent of max the reps Epley puts at that percent less the reps asked); NULL when unknown.
  -- The estimated 1RM counts them (Epley's n is reps to failure), so sets done as asked give back
  -- the working max they were asked from instead of a smaller one each week.
  reps_in_reserve REAL    CHECK (reps_in_reserve IS NULL OR reps_in_reserve BETWEEN 0 AND 100),
  PRIMARY KEY (log_id, athlete_id, date, position, set_number),
  FOREIGN KEY (log_id, athlete_id, date) REFERENCES strength_log (id, athlete_id, date) ON DELETE CASCADE,
  CHECK (coalesce(reps, seconds, metres, contacts) IS NOT NULL)
) STRICT, WITHOUT ROWID;

-- Estimated 1RM: an athlete's loaded sets of an exercise in a date range, read from the index alone.
CREATE INDEX strength_set_for_estimate ON strength_set (athlete_id, exercise_id, date, load_kg, reps, reps_in_reserve) WHERE load_kg > 0 AND reps > 0;

-- A run as it was done (or missed): one per athlete per day, like the plan.
CREATE TABLE run_log (
  id          INTEGER PRIMARY KEY,
  athlete_id  INTEGER NOT NULL REFERENCES athlete (id) ON DELETE RESTRICT,
  date        TEXT    NOT NULL CHECK (date(date) = date),
  run_type    TEXT    NOT NULL CHECK (run_type IN ('easy', 'tempo', 'intervals', 'long', 'sprint', 'race', 'cross_training')),
  status      TEXT    NOT NULL CHECK (status IN ('done', 'missed')),
  minutes     INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600),
  session_rpe REAL    CHECK (session_rpe IS NULL OR (session_rpe BETWEEN 0 AND 10)),
  note        TEXT    NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  updated_at  TEXT    NOT NULL,
  UNIQUE (athlete_id, date),
  CHECK (status = 'done' OR (minutes IS NULL AND session_rpe IS NULL))
) STRICT;

CREATE INDEX run_log_by_date ON run_log (date, athlete_id);

-- The daily wellness check: McLean's five items, 1-5 with 5 the best (REFERENCE.md §6.3), any of
-- them left blank, and whether the hamstrings feel tight. One per athlete per day.
CREATE TABLE wellness_entry (
  athlete_id      INTEGER NOT NULL REFERENCES athlete (id) ON DELETE RESTRICT,
  date            TEXT    NOT NULL CHECK (date(date) = date),
  fatigue         INTEGER CHECK (fatigue IS NULL OR fatigue BETWEEN 1 AND 5),
  sleep_quality   INTEGER CHECK (sleep_quality IS NULL OR sleep_quality BETWEEN 1 AND 5),
  muscle_soreness INTEGER CHECK (muscle_soreness IS NULL OR muscle_soreness BETWEEN 1 AND 5),
  stress          INTEGER CHECK (stress IS NULL OR stress BETWEEN 1 AND 5),
  mood            INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 5),
  hamstring_tight INTEGER CHECK (hamstring_tight IS NULL OR hamstring_tight IN (0, 1)),
  updated_at      TEXT    NOT NULL,
  PRIMARY KEY (athlete_id, date),
  CHECK (coalesce(fatigue, sleep_quality, muscle_soreness, stress, mood, hamstring_tight) IS NOT NULL)
) STRICT;

CREATE INDEX wellness_entry_by_date ON wellness_entry (date, athlete_id);
