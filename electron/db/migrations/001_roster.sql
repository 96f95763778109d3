-- The squad: settings, groups and athletes (issue 2).
-- Dates are ISO text; masses are kilograms; equipment steps are in the squad's unit.

CREATE TABLE squad_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  squad_name        TEXT    NOT NULL,
  season_start      TEXT    NOT NULL,
  season_end        TEXT    NOT NULL,
  unit              TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
  plate_increment   REAL    NOT NULL CHECK (plate_increment > 0),
  bar_weight        REAL    NOT NULL CHECK (bar_weight >= 0),
  dumbbell_step     REAL    NOT NULL CHECK (dumbbell_step > 0),
  first_day_of_week INTEGER NOT NULL CHECK (first_day_of_week BETWEEN 0 AND 6),
  updated_at        TEXT    NOT NULL
) STRICT;

CREATE TABLE squad_group (
  id         INTEGER PRIMARY KEY,
  name       TEXT    NOT NULL,
  -- Case- and space-insensitive name, so "Sprints" and "sprints " are one group.
  name_key   TEXT    NOT NULL UNIQUE,
  color      TEXT    NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]'),
  sort_order INTEGER NOT NULL,
  created_at TEXT    NOT NULL
) STRICT;

CREATE INDEX squad_group_by_order ON squad_group (sort_order);

CREATE TABLE athlete (
  id                 INTEGER PRIMARY KEY,
  given_name         TEXT    NOT NULL CHECK (length(given_name) BETWEEN 1 AND 60),
  family_name        TEXT    NOT NULL CHECK (length(family_name) BETWEEN 1 AND 60),
  -- Normalised full name; one athlete per name, archived ones included (restore, don't re-add).
  name_key           TEXT    NOT NULL UNIQUE,
  -- RESTRICT: a group with athletes cannot disappear from under them.
  group_id           INTEGER REFERENCES squad_group (id) ON DELETE RESTRICT,
  sex                TEXT    NOT NULL CHECK (sex IN ('female', 'male', 'unspecified')),
  grade              INTEGER CHECK (grade BETWEEN 5 AND 13),
  birth_year         INTEGER CHECK (birth_year >= 1930),
  event_focus        TEXT,
  race_goal          TEXT,
  body_mass_kg       REAL    CHECK (body_mass_kg BETWEEN 20 AND 200),
  training_age_years REAL    CHECK (training_age_years BETWEEN 0 AND 40),
  injured            INTEGER NOT NULL DEFAULT 0 CHECK (injured IN (0, 1)),
  injury_notes       TEXT    NOT NULL DEFAULT '',
  archived_at        TEXT,
  created_at         TEXT    NOT NULL,
  updated_at         TEXT    NOT NULL
) STRICT;

-- The roster lists, each read in name order straight from an index (no sort step):
-- active athletes, archived athletes, and everyone.
CREATE INDEX athlete_active_by_name ON athlete (family_name COLLATE NOCASE, given_name COLLATE NOCASE) WHERE archived_at IS NULL;
CREATE INDEX athlete_archived_by_name ON athlete (family_name COLLATE NOCASE, given_name COLLATE NOCASE) WHERE archived_at IS NOT NULL;
CREATE INDEX athlete_by_name ON athlete (family_name COLLATE NOCASE, given_name COLLATE NOCASE);
-- Group head counts (and, later, a group's athletes).
CREATE INDEX athlete_by_group ON athlete (group_id, archived_at);
