/**
 * The season plan's blocks: phase, dates, weeks, deload week and rule, weekly progression, who
 * each is for, and the weekly rhythm (one column per weekday, in the squad's week order).
 */
import { WEEKDAY_NAMES } from '@shared/domain/settings';
import type { ExportColumn } from '@shared/exports/columns';
import { rhythmDayText } from '@shared/exports/planWords';
import { PHASE_INFO, type Block } from '@shared/plan/model';
import { blocksOverlapping } from '@main/db/repositories/blocks';
import type { SquadDb } from '@main/db/types';
import type { ExportScope, ExportTable } from '../table';

/** The weekdays in the squad's order (Monday first for most squads). */
function weekOrder(firstDayOfWeek: number): number[] {
  return Array.from({ length: 7 }, (_, i) => (firstDayOfWeek + i) % 7);
}

/** Blocks overlapping the dates, for the chosen groups (a block for an athlete counts with the athlete). */
function chosenBlocks(db: SquadDb, scope: ExportScope): Block[] {
  return blocksOverlapping(db, scope.from, scope.to).filter(
    (b) => scope.allGroups || b.groupIds.some((g) => scope.includesGroup(g)) || b.athleteIds.some((a) => scope.includesAthlete(a)),
  );
}

export const blocksTable: ExportTable = {
  key: 'blocks',
  label: 'Blocks',
  description: 'Each block of the plan: phase, dates, weeks, deload week, progression, who it is for, the weekly rhythm.',
  sheetName: 'Blocks',
  fileName: 'blocks',
  usesDateRange: true,
  usesGroups: true,
  usesArchived: false,
  columns(_db, scope): readonly ExportColumn[] {
    return [
      { header: 'Block', kind: 'text', width: 28 },
      { header: 'Phase', kind: 'text', width: 22 },
      { header: 'Start', kind: 'date', width: 12 },
      { header: 'End', kind: 'date', width: 12 },
      { header: 'Weeks', kind: 'integer', width: 8 },
      { header: 'Deload week', kind: 'integer', width: 8 },
      { header: 'Weekly progression (%)', kind: 'decimal', decimals: 1, width: 12 },
      { header: 'Deload: sets cut (%)', kind: 'decimal', decimals: 0, width: 10 },
      { header: 'Deload: load cut (%)', kind: 'decimal', decimals: 0, width: 10 },
      { header: 'Deload: reps in reserve added', kind: 'decimal', decimals: 1, width: 10 },
      { header: 'Groups', kind: 'text', width: 22 },
      { header: 'Athletes', kind: 'text', width: 22 },
      ...weekOrder(scope.firstDayOfWeek).map((d): ExportColumn => ({ header: WEEKDAY_NAMES[d] ?? '', kind: 'text', width: 34 })),
      { header: 'Notes', kind: 'text', width: 30 },
    ];
  },
  countRows: (db, scope) => chosenBlocks(db, scope).length,
  *rows(db, scope) {
    const { lookup } = scope;
    const order = weekOrder(scope.firstDayOfWeek);
    for (const b of chosenBlocks(db, scope)) {
      yield [
        b.name,
        PHASE_INFO[b.phase].label,
        b.startDate,
        b.endDate,
        b.weeks,
        b.deloadWeek,
        b.weeklyProgression * 100,
        b.deload.setReduction * 100,
        b.deload.loadReduction * 100,
        b.deload.rirIncrease,
        b.groupIds.map((g) => lookup.groupName(g)).join(', '),
        b.athleteIds.map((a) => lookup.athleteName(a)).join(', '),
        ...order.map((weekday) => {
          const day = b.rhythm.find((d) => d.weekday === weekday);
          return day ? rhythmDayText(day, lookup.templateName) : '';
        }),
        b.notes,
      ];
    }
  },
};
