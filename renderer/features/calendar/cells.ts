/**
 * What a grid cell looks like for a packed cell code (shared/plan/gridCode.ts): class names
 * and chip texts, cached per code and template so scrolling never decodes the same cell twice.
 */
import { GRID } from '../../../shared/plan/gridCode';
import { PHASE_INFO, PHASES, RUN_TYPE_LABELS, RUN_TYPE_SHORT, RUN_TYPES } from '../../../shared/plan/model';
import type { Zoom } from './gridModel';

export interface CellLook {
  /** Classes of the cell itself (deload, rule break, strength/run colours in season zoom). */
  cell: string;
  strength: { cls: string; text: string } | null;
  run: { cls: string; text: string } | null;
  /** Corner marks: N (note), R (regression/swap). */
  marks: string;
}

export interface TemplateInfo {
  name: string;
  sessionType: string;
}

const PHASE_PREFIX = new RegExp(`^(${PHASES.map((p) => PHASE_INFO[p].label.split(' ')[0]).join('|')}|Max strength|Sprint-specific)\\s+`, 'i');

/** "Foundational A posterior chain" → "posterior chain" (the letter is on the chip already). */
export function shortTemplateName(name: string): string {
  return name.replace(PHASE_PREFIX, '').replace(/^[ABC]\s+/, '');
}

function build(code: number, template: TemplateInfo | undefined, zoom: Zoom): CellLook {
  const flags = code % GRID.MINUTES_FACTOR;
  const minutes = Math.floor(code / GRID.MINUTES_FACTOR);
  const classes: string[] = [];
  if (flags & GRID.DELOAD) classes.push('dl');
  if (flags & GRID.RULES_MASK) classes.push('rb');
  const strengthState = (flags & GRID.STRENGTH_MASK) >> GRID.STRENGTH_SHIFT;
  const runCode = flags & GRID.RUN_MASK;
  const runType = runCode > 0 ? RUN_TYPES[runCode - 1] : undefined;
  const skippedStrength = strengthState === 3;
  const changedStrength = strengthState === 1 || strengthState === 2;
  const runSkipped = (flags & GRID.RUN_SKIPPED) !== 0;
  const runChanged = (flags & GRID.RUN_CHANGED) !== 0;
  let strength: CellLook['strength'] = null;
  let run: CellLook['run'] = null;
  if (template) {
    const letter = template.sessionType === 'custom' ? (template.name[0] ?? '•').toUpperCase() : template.sessionType;
    const cls = `s${template.sessionType}${skippedStrength ? ' sk' : ''}${changedStrength ? ' cx' : ''}`;
    strength = { cls, text: zoom === 'week' ? `${letter} · ${shortTemplateName(template.name)}` : letter };
  }
  if (runType) {
    const cls = `r${runCode}${runSkipped ? ' sk' : ''}${runChanged ? ' cx' : ''}`;
    const text = zoom === 'week' ? (runType === 'rest' ? 'Rest' : `${RUN_TYPE_LABELS[runType]} ${minutes}′`) : RUN_TYPE_SHORT[runType];
    run = { cls, text };
  }
  if (zoom === 'season') {
    if (strength) classes.push(strength.cls);
    if (runType && runType !== 'rest') classes.push(`q${runCode}`);
    if (!strength && runSkipped) classes.push('sk');
  }
  const marks = `${flags & GRID.NOTE ? 'N' : ''}${flags & GRID.SWAP ? 'R' : ''}`;
  return { cell: classes.join(' '), strength, run, marks };
}

/** Looks are cached per zoom, code and template: a squad's season has only a few hundred distinct cells. */
export class CellLooks {
  private readonly cache = new Map<string, CellLook>();
  constructor(
    private readonly zoom: Zoom,
    private readonly templates: ReadonlyMap<number, TemplateInfo>,
  ) {}

  get(code: number, templateId: number): CellLook {
    const key = `${code}:${templateId}`;
    let look = this.cache.get(key);
    if (!look) {
      look = build(code, templateId ? this.templates.get(templateId) : undefined, this.zoom);
      this.cache.set(key, look);
    }
    return look;
  }
}
