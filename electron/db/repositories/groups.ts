import type { Group } from '@shared/domain/roster';
import { preparedStatements } from '../statements';
import type { SquadDb } from '../types';

interface GroupRow {
  id: number;
  name: string;
  color: string;
  sort_order: number;
  athlete_count: number;
}

const SELECT_GROUP = `SELECT g.id, g.name, g.color, g.sort_order,
  (SELECT count(*) FROM athlete a WHERE a.group_id = g.id AND a.archived_at IS NULL) AS athlete_count
  FROM squad_group g`;

export const GROUP_LIST_SQL = `${SELECT_GROUP} ORDER BY g.sort_order, g.id`;

const sql = preparedStatements({
  list: GROUP_LIST_SQL,
  byId: `${SELECT_GROUP} WHERE g.id = ?`,
  byNameKey: 'SELECT id FROM squad_group WHERE name_key = ?',
  nextOrder: 'SELECT coalesce(max(sort_order), 0) + 1 AS next FROM squad_group',
  insert: 'INSERT INTO squad_group (name, name_key, color, sort_order, created_at) VALUES (?, ?, ?, ?, ?)',
  update: 'UPDATE squad_group SET name = ?, name_key = ?, color = ? WHERE id = ?',
  setOrder: 'UPDATE squad_group SET sort_order = ? WHERE id = ?',
  remove: 'DELETE FROM squad_group WHERE id = ?',
  memberCount: 'SELECT count(*) AS n FROM athlete WHERE group_id = ?',
  createdAt: 'SELECT created_at FROM squad_group WHERE id = ?',
});

function toGroup(row: GroupRow): Group {
  return { id: row.id, name: row.name, color: row.color, sortOrder: row.sort_order, athleteCount: row.athlete_count };
}

export function listGroups(db: SquadDb): Group[] {
  return (sql(db).list.all() as GroupRow[]).map(toGroup);
}

export function findGroup(db: SquadDb, id: number): Group | null {
  const row = sql(db).byId.get(id) as GroupRow | undefined;
  return row ? toGroup(row) : null;
}

export function findGroupIdByNameKey(db: SquadDb, nameKey: string): number | null {
  const row = sql(db).byNameKey.get(nameKey) as { id: number } | undefined;
  return row?.id ?? null;
}

export function insertGroup(db: SquadDb, group: { name: string; nameKey: string; color: string; createdAt: string }): number {
  const { next } = sql(db).nextOrder.get() as { next: number };
  return Number(sql(db).insert.run(group.name, group.nameKey, group.color, next, group.createdAt).lastInsertRowid);
}

export function updateGroup(db: SquadDb, id: number, group: { name: string; nameKey: string; color: string }): void {
  sql(db).update.run(group.name, group.nameKey, group.color, id);
}

export function setGroupOrder(db: SquadDb, id: number, sortOrder: number): void {
  sql(db).setOrder.run(sortOrder, id);
}

/** Athletes (active or archived) that belong to the group. */
export function countGroupMembers(db: SquadDb, id: number): number {
  return (sql(db).memberCount.get(id) as { n: number }).n;
}

export function deleteGroup(db: SquadDb, id: number): void {
  sql(db).remove.run(id);
}

/** When a group was created (part of its calendar file's event UIDs), or null when there is no such group. */
export function groupCreatedAt(db: SquadDb, id: number): string | null {
  return (sql(db).createdAt.get(id) as { created_at: string } | undefined)?.created_at ?? null;
}
