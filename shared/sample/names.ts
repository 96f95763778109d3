/** Invented names for the sample squad: varied, with accents, none belonging to a real roster. */
export const GIVEN_NAMES_FEMALE = [
  'Amara', 'Beatriz', 'Chloe', 'Dalia', 'Elena', 'Fatima', 'Grace', 'Hana', 'Isabel', 'Jada',
  'Keira', 'Lucía', 'Maya', 'Nadia', 'Olivia', 'Priya', 'Quinn', 'Rosa', 'Sofia', 'Talia',
  'Uma', 'Valeria', 'Wren', 'Ximena', 'Yara', 'Zoë', 'Aisha', 'Brooke', 'Camila', 'Daniela',
  'Esther', 'Freya', 'Gabriela', 'Harper', 'Imani', 'Julia', 'Kaia', 'Leah', 'Mila', 'Noor',
] as const;

export const GIVEN_NAMES_MALE = [
  'Aarav', 'Ben', 'Carlos', 'Diego', 'Elijah', 'Finn', 'Gabriel', 'Hugo', 'Isaac', 'Jamal',
  'Kai', 'Liam', 'Mateo', 'Nico', 'Omar', 'Pablo', 'Rafael', 'Samuel', 'Theo', 'Umar',
  'Victor', 'Wesley', 'Xavier', 'Yusuf', 'Zane', 'André', 'Bilal', 'Caleb', 'Dev', 'Emil',
  'Felix', 'Gus', 'Henry', 'Ibrahim', 'Jonah', 'Kofi', 'Leo', 'Marcus', 'Noah', 'Owen',
] as const;

export const FAMILY_NAMES = [
  'Adeyemi', 'Bauer', 'Castillo', 'Dubois', 'Eriksen', 'Fernández', 'Goldberg', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'López', 'Müller', 'Nguyen', "O'Brien", 'Patel', 'Quintero', 'Rossi', 'Schmidt', 'Tanaka',
  'Underwood', 'Vargas', 'Walsh', 'Xu', 'Yamamoto', 'Zielinski', 'Abbott', 'Brennan', 'Chen', 'Diallo',
  'Evans', 'Fischer', 'García', 'Hughes', 'Ivanova', 'Johansson', 'Kim', 'Lindqvist', 'Mensah', 'Novak',
  'Okafor', 'Petrov', 'Reyes', 'Silva', 'Thompson', 'Ueda', 'Van Dijk', 'Wright', 'Yilmaz', 'Zhang',
] as const;

export const INJURY_NOTES = [
  'Shin splints (left), easing. No plyometrics; bike instead of hard runs.',
  'Hamstring tightness (right) after the last race. Regressions for hinge work.',
  'Achilles soreness. Calf raises bodyweight only; no hops.',
  'Returning from ankle sprain. Balance work fine, no bounding yet.',
  'Knee pain on stairs (patellar). Box height reduced, no deep lunges.',
] as const;
