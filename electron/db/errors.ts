/**
 * True when SQLite refused a write because another row still refers to this one. A plain
 * reference reports SQLITE_CONSTRAINT_FOREIGNKEY; an ON DELETE RESTRICT action reports
 * SQLITE_CONSTRAINT_TRIGGER (SQLite implements the action as a trigger).
 */
export function isReferencedRowRefusal(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === 'SQLITE_CONSTRAINT_TRIGGER';
}
