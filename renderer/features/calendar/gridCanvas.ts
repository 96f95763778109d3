/**
 * The grid's cells are drawn on ONE canvas the size of the visible area, from the scroll
 * position, written straight into its pixel buffer. Only what is on screen is drawn, there is a
 * single canvas for the compositor to handle, and nothing in React renders when the coach scrolls
 * across the season. Chips with text (month and week views) are drawn once per distinct chip
 * into a small sprite and copied from there. Names, group rows, the header, the selection
 * outline and the active day are DOM laid over the canvas.
 */
import { APP_FONT } from '@renderer/app/font';
import { GRID } from '@shared/plan/gridCode';
import { weekdayOf } from '@shared/plan/days';
import { RUN_TYPE_LABELS, RUN_TYPE_SHORT, RUN_TYPES, type CalendarEvent } from '@shared/plan/model';
import { shortTemplateName } from './cells';
import type { GridData, GridRow, Zoom } from './gridModel';

/** #rrggbb → pixel value (ImageData is RGBA bytes; as a little-endian uint32 that reads ABGR). */
export function px(hex: string, fade = 0): number {
  let r = parseInt(hex.slice(1, 3), 16);
  let g = parseInt(hex.slice(3, 5), 16);
  let b = parseInt(hex.slice(5, 7), 16);
  if (fade > 0) {
    r = Math.round(255 - (1 - fade) * (255 - r));
    g = Math.round(255 - (1 - fade) * (255 - g));
    b = Math.round(255 - (1 - fade) * (255 - b));
  }
  return ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
}

const hex = (value: number) => `#${[value & 255, (value >> 8) & 255, (value >> 16) & 255].map((c) => c.toString(16).padStart(2, '0')).join('')}`;

const WHITE = px('#ffffff');
const LOADING = px('#f1f3f5');
const TODAY = px('#fff3bf');
const DELOAD = px('#e3e6ea');
const SELECTED = px('#c3ebd9');
const GROUP = px('#f1f3f5');
const ROW_LINE = px('#e9ecef');
const WEEK_LINE = px('#ced4da');
const RULE = px('#e03131');
const SWAP = px('#e8590c');
const RACE = px('#c92a2a');
const TEST = px('#1971c2');
const WARNING = px('#fab005');

/** Chip colours: strength sessions solid with white text, runs light with dark text. */
export const STRENGTH_COLORS: Record<string, { bg: string; fg: string }> = {
  A: { bg: '#862e9c', fg: '#ffffff' },
  B: { bg: '#1864ab', fg: '#ffffff' },
  C: { bg: '#2b8a3e', fg: '#ffffff' },
  custom: { bg: '#495057', fg: '#ffffff' },
};
/** By run code (RUN_CODES: 1 easy ... 8 cross-training). */
export const RUN_COLORS: ({ bg: string; fg: string; bar: string } | null)[] = [
  null,
  { bg: '#b2f2bb', fg: '#1b5e20', bar: '#8ce99a' },
  { bg: '#ffe066', fg: '#5c3d00', bar: '#fcc419' },
  { bg: '#ffa8a8', fg: '#8b1a1a', bar: '#ff6b6b' },
  { bg: '#a5d8ff', fg: '#0b3d6e', bar: '#74c0fc' },
  { bg: '#fcc2d7', fg: '#7a1338', bar: '#f783ac' },
  { bg: '#212529', fg: '#ffffff', bar: '#212529' },
  { bg: '#ffffff', fg: '#868e96', bar: '' },
  { bg: '#99e9f2', fg: '#0b4f5c', bar: '#66d9e8' },
];
const STRENGTH_BAR = Object.fromEntries(Object.entries(STRENGTH_COLORS).map(([k, v]) => [k, [px(v.bg), px(v.bg, 0.7)] as const]));
const RUN_BAR = RUN_COLORS.map((c) => (c && c.bar ? ([px(c.bar), px(c.bar, 0.7)] as const) : null));

export interface GridPaint {
  zoom: Zoom;
  rows: readonly GridRow[];
  /** Rows in view: index, top (content coordinates, header included) and height. */
  visible: readonly { index: number; start: number; size: number }[];
  days: number;
  startDay: number;
  colWidth: number;
  headerHeight: number;
  scrollLeft: number;
  scrollTop: number;
  data: GridData;
  todayIndex: number;
  firstDayOfWeek: number;
  events: ReadonlyMap<number, CalendarEvent[]>;
  selection: { top: number; bottom: number; from: number; to: number } | null;
  /** Load-monitoring warnings (issue 7): a yellow corner on the day. */
  warningAt?: (athleteId: number, day: number) => boolean;
}

interface Sprite {
  w: number;
  h: number;
  pixels: Uint32Array;
}

interface ChipSpec {
  key: string;
  bg: string;
  fg: string;
  text: string;
  struck: boolean;
  outlined: boolean;
  faded: boolean;
  align: 'center' | 'left';
}

/** A scanline per horizontal band of a season-view row (see paintBands). */
const BANDS = 8;

export class GridPainter {
  private image: ImageData | null = null;
  private pixels: Uint32Array | null = null;
  private lines: Uint32Array[] = [];
  private readonly sprites = new Map<string, Sprite>();
  private scratch: CanvasRenderingContext2D | null = null;

  constructor(private readonly ratio: number) {}

  paint(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, p: GridPaint): void {
    const r = this.ratio;
    const w = Math.max(1, Math.round(cssWidth * r));
    const h = Math.max(1, Math.round(cssHeight * r));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    const ctx = canvas.getContext('2d', { alpha: false });
    if (!ctx) return;
    if (!this.image || this.image.width !== w || this.image.height !== h) {
      this.image = ctx.createImageData(w, h);
      this.pixels = new Uint32Array(this.image.data.buffer);
      this.lines = Array.from({ length: BANDS }, () => new Uint32Array(w));
    }
    const buf = this.pixels as Uint32Array;
    buf.fill(WHITE);
    const cw = p.colWidth;
    const firstDay = Math.max(0, Math.floor(p.scrollLeft / cw));
    const lastDay = Math.min(p.days - 1, Math.floor((p.scrollLeft + cssWidth) / cw));
    const originY = p.scrollTop + p.headerHeight;
    for (const v of p.visible) {
      const row = p.rows[v.index];
      if (!row) continue;
      const y0 = Math.round((v.start - originY) * r);
      const rh = Math.round(v.size * r);
      if (y0 >= h || y0 + rh <= 0) continue;
      if (row.kind === 'group') {
        this.rect(buf, w, h, 0, y0, w, rh, GROUP);
        continue;
      }
      const selected = p.selection !== null && v.index >= p.selection.top && v.index <= p.selection.bottom ? p.selection : null;
      if (p.zoom === 'season') this.paintBands(buf, w, h, p, row, y0, rh, firstDay, lastDay, selected);
      else this.paintChips(buf, w, h, p, row, y0, rh, firstDay, lastDay, selected);
      if (p.warningAt) {
        const size = Math.round((p.zoom === 'season' ? 3 : 7) * r);
        for (let d = firstDay; d <= lastDay; d += 1) {
          if (!p.warningAt(row.athlete.id, d)) continue;
          const [x] = this.cellX(p, d);
          for (let k = 0; k < size; k += 1) this.rect(buf, w, h, x, y0 + k, size - k, 1, WARNING);
        }
      }
    }
    ctx.putImageData(this.image, 0, 0);
  }

  /** Cell x range in device pixels. */
  private cellX(p: GridPaint, d: number): [number, number] {
    return [Math.round((d * p.colWidth - p.scrollLeft) * this.ratio), Math.round(((d + 1) * p.colWidth - p.scrollLeft) * this.ratio)];
  }

  private background(p: GridPaint, d: number, flags: number, selected: GridPaint['selection']): number {
    if (selected && d >= selected.from && d <= selected.to) return SELECTED;
    if (d === p.todayIndex) return TODAY;
    if (flags & GRID.DELOAD) return DELOAD;
    return WHITE;
  }

  private eventColor(p: GridPaint, d: number, row: Extract<GridRow, { kind: 'athlete' }>): number {
    const events = p.events.get(d);
    if (!events) return -1;
    const e = events.find((ev) => (ev.groupId === null && ev.athleteId === null) || ev.groupId === row.groupId || ev.athleteId === row.athlete.id);
    return e ? (e.kind === 'race' ? RACE : TEST) : -1;
  }

  private rect(buf: Uint32Array, w: number, h: number, x0: number, y0: number, rw: number, rh: number, color: number): void {
    const xa = Math.max(0, x0);
    const xb = Math.min(w, x0 + rw);
    const ya = Math.max(0, y0);
    const yb = Math.min(h, y0 + rh);
    if (xa >= xb) return;
    for (let y = ya; y < yb; y += 1) buf.fill(color, y * w + xa, y * w + xb);
  }

  /**
   * Season view: a row is horizontal bands (rule bar, strength, gap, run, event and regression
   * marks, the row line), so one scanline per band is built and copied down the row.
   */
  private paintBands(buf: Uint32Array, w: number, h: number, p: GridPaint, row: Extract<GridRow, { kind: 'athlete' }>, y0: number, rh: number, first: number, last: number, selected: GridPaint['selection']): void {
    const lines = this.lines;
    for (const line of lines) line.fill(WHITE);
    (lines[7] as Uint32Array).fill(ROW_LINE);
    const span = (line: number, a: number, b: number, color: number) => {
      const l = lines[line] as Uint32Array;
      for (let x = Math.max(0, a); x < Math.min(w, b); x += 1) l[x] = color;
    };
    const id = row.athlete.id;
    for (let d = first; d <= last; d += 1) {
      const [x, xe] = this.cellX(p, d);
      let bg = LOADING;
      let strength = -1;
      let run = -1;
      let rule = false;
      let swap = false;
      let event = -1;
      if (p.data.has(d)) {
        const flags = p.data.code(id, d) % GRID.MINUTES_FACTOR;
        bg = this.background(p, d, flags, selected);
        const templateId = p.data.template(id, d);
        if (templateId) {
          const bars = STRENGTH_BAR[p.data.templateTypes.get(templateId)?.sessionType ?? 'custom'] ?? STRENGTH_BAR.custom;
          if (bars) strength = bars[(flags & GRID.STRENGTH_MASK) >> GRID.STRENGTH_SHIFT === 3 ? 1 : 0];
        }
        const runBars = RUN_BAR[flags & GRID.RUN_MASK];
        if (runBars) run = runBars[flags & GRID.RUN_SKIPPED ? 1 : 0];
        rule = (flags & GRID.RULES_MASK) !== 0;
        swap = (flags & GRID.SWAP) !== 0;
        event = this.eventColor(p, d, row);
      }
      const inner = xe - 1;
      const st = strength >= 0 ? strength : bg;
      const rn = run >= 0 ? run : bg;
      span(0, x, xe, rule ? RULE : bg);
      span(1, x, xe, rule ? RULE : bg);
      if (!rule) span(1, x, inner, st);
      span(2, x, xe, bg);
      span(2, x, inner, st);
      span(3, x, xe, bg);
      span(4, x, xe, bg);
      span(4, x, inner, rn);
      span(5, x, xe, event >= 0 ? event : bg);
      if (event < 0) span(5, x, inner, rn);
      span(6, x, xe, swap ? SWAP : event >= 0 ? event : bg);
      if (weekdayOf(p.startDay + d) === p.firstDayOfWeek && x >= 0 && x < w) for (let l = 0; l < 7; l += 1) (lines[l] as Uint32Array)[x] = WEEK_LINE;
    }
    const r = this.ratio;
    const ruleH = Math.round(3 * r);
    const mid = Math.round(rh * 0.5);
    const eventTop = rh - Math.round(5 * r);
    const swapTop = rh - Math.round(3 * r);
    const rowLine = rh - Math.max(1, Math.round(r));
    for (let y = 0; y < rh; y += 1) {
      const at = y0 + y;
      if (at < 0 || at >= h) continue;
      const band = y >= rowLine ? 7 : y < Math.max(1, Math.round(r)) ? 0 : y < ruleH ? 1 : y < mid ? 2 : y < mid + Math.max(1, Math.round(r)) ? 3 : y < eventTop ? 4 : y < swapTop ? 5 : 6;
      buf.set(lines[band] as Uint32Array, at * w);
    }
  }

  /** Month and week views: a background per cell, then chips (sprites) and marks. */
  private paintChips(buf: Uint32Array, w: number, h: number, p: GridPaint, row: Extract<GridRow, { kind: 'athlete' }>, y0: number, rh: number, first: number, last: number, selected: GridPaint['selection']): void {
    const r = this.ratio;
    const id = row.athlete.id;
    const week = p.zoom === 'week';
    for (let d = first; d <= last; d += 1) {
      const [x, xe] = this.cellX(p, d);
      const cw = xe - x;
      if (!p.data.has(d)) {
        this.rect(buf, w, h, x, y0, cw, rh, LOADING);
        continue;
      }
      const code = p.data.code(id, d);
      const flags = code % GRID.MINUTES_FACTOR;
      const bg = this.background(p, d, flags, selected);
      if (bg !== WHITE) this.rect(buf, w, h, x, y0, cw, rh, bg);
      const templateId = p.data.template(id, d);
      const template = templateId ? p.data.templateTypes.get(templateId) : undefined;
      const strengthState = (flags & GRID.STRENGTH_MASK) >> GRID.STRENGTH_SHIFT;
      const runCode = flags & GRID.RUN_MASK;
      const runType = runCode > 0 ? RUN_TYPES[runCode - 1] : undefined;
      const minutes = Math.floor(code / GRID.MINUTES_FACTOR);
      const bgHex = hex(bg);
      if (template) {
        const colors = STRENGTH_COLORS[template.sessionType] ?? STRENGTH_COLORS.custom ?? { bg: '#495057', fg: '#fff' };
        const letter = template.sessionType === 'custom' ? (template.name[0] ?? '•').toUpperCase() : template.sessionType;
        const chip: ChipSpec = {
          key: '',
          bg: colors.bg,
          fg: colors.fg,
          text: week ? `${letter} · ${shortTemplateName(template.name)}` : letter,
          struck: strengthState === 3,
          outlined: strengthState === 1 || strengthState === 2,
          faded: strengthState === 3,
          align: week ? 'left' : 'center',
        };
        if (week) this.chip(buf, w, h, x + Math.round(4 * r), y0 + Math.round(4 * r), cw - Math.round(8 * r), Math.round(17 * r), chip, bgHex);
        else this.chip(buf, w, h, x + Math.round(1 * r), y0 + Math.round(7 * r), Math.floor(cw / 2) - Math.round(2 * r), Math.round(15 * r), chip, bgHex);
      }
      if (runType) {
        const colors = RUN_COLORS[runCode] ?? { bg: '#ffffff', fg: '#000000', bar: '' };
        const chip: ChipSpec = {
          key: '',
          bg: runType === 'rest' ? bgHex : colors.bg,
          fg: colors.fg,
          text: week ? (runType === 'rest' ? 'Rest' : `${RUN_TYPE_LABELS[runType]} ${minutes}′`) : RUN_TYPE_SHORT[runType],
          struck: (flags & GRID.RUN_SKIPPED) !== 0,
          outlined: (flags & GRID.RUN_CHANGED) !== 0,
          faded: (flags & GRID.RUN_SKIPPED) !== 0,
          align: week ? 'left' : 'center',
        };
        if (week) this.chip(buf, w, h, x + Math.round(4 * r), y0 + Math.round(24 * r), cw - Math.round(8 * r), Math.round(17 * r), chip, bgHex);
        else {
          const half = Math.floor(cw / 2);
          this.chip(buf, w, h, x + half + Math.round(1 * r), y0 + Math.round(7 * r), cw - half - Math.round(2 * r), Math.round(15 * r), chip, bgHex);
        }
      }
      // Marks: a red corner for a broken rule; letters for a note (N), a regression (R) and a race or test day.
      if (flags & GRID.RULES_MASK) {
        const size = Math.round(7 * r);
        for (let k = 0; k < size; k += 1) this.rect(buf, w, h, xe - size + k, y0 + k, size - k, 1, RULE);
      }
      const event = this.eventColor(p, d, row);
      const marks = `${flags & GRID.NOTE ? 'N' : ''}${flags & GRID.SWAP ? 'R' : ''}`;
      if (event >= 0) this.rect(buf, w, h, x + 1, y0 + rh - Math.round(4 * r), cw - 2, Math.round(3 * r), event);
      if (marks) {
        const mark: ChipSpec = { key: '', bg: bgHex, fg: flags & GRID.SWAP ? '#d9480f' : '#495057', text: marks, struck: false, outlined: false, faded: false, align: 'center' };
        const mw = Math.round((marks.length * 7 + 2) * r);
        this.chip(buf, w, h, xe - mw - Math.round(1 * r), y0 + rh - Math.round((week ? 14 : 12) * r), mw, Math.round(10 * r), mark, bgHex, 9);
      }
      if (weekdayOf(p.startDay + d) === p.firstDayOfWeek) this.rect(buf, w, h, x, y0, Math.max(1, Math.round(r)), rh, WEEK_LINE);
    }
    this.rect(buf, w, h, 0, y0 + rh - Math.max(1, Math.round(r)), w, Math.max(1, Math.round(r)), ROW_LINE);
  }

  /** Copy a chip's sprite (drawn once per distinct chip) into the frame, clipped to the canvas. */
  private chip(buf: Uint32Array, w: number, h: number, x0: number, y0: number, cw: number, ch: number, spec: ChipSpec, cellBg: string, fontPx = 11): void {
    if (cw <= 0 || ch <= 0) return;
    const key = `${cw}x${ch}|${spec.bg}|${spec.fg}|${spec.text}|${spec.struck ? 1 : 0}${spec.outlined ? 1 : 0}${spec.faded ? 1 : 0}|${spec.align}|${cellBg}|${fontPx}`;
    let sprite = this.sprites.get(key);
    if (!sprite) {
      sprite = this.drawSprite(cw, ch, { ...spec, key }, cellBg, fontPx);
      if (this.sprites.size > 4000) this.sprites.clear();
      this.sprites.set(key, sprite);
    }
    const xa = Math.max(0, x0);
    const xb = Math.min(w, x0 + sprite.w);
    if (xa >= xb) return;
    const pixels = sprite.pixels;
    const len = xb - xa;
    for (let y = 0; y < sprite.h; y += 1) {
      const at = y0 + y;
      if (at < 0 || at >= h) continue;
      const from = y * sprite.w + (xa - x0);
      const to = at * w + xa;
      // A plain loop: chips are a few pixels wide, and a view per line would allocate thousands of objects a frame.
      for (let k = 0; k < len; k += 1) buf[to + k] = pixels[from + k] as number;
    }
  }

  private drawSprite(cw: number, ch: number, spec: ChipSpec, cellBg: string, fontPx: number): Sprite {
    if (!this.scratch) {
      const c = document.createElement('canvas');
      this.scratch = c.getContext('2d', { willReadFrequently: true });
    }
    const ctx = this.scratch;
    if (!ctx) return { w: cw, h: ch, pixels: new Uint32Array(cw * ch).fill(px(spec.bg)) };
    const canvas = ctx.canvas;
    if (canvas.width < cw || canvas.height < ch) {
      canvas.width = Math.max(canvas.width, cw);
      canvas.height = Math.max(canvas.height, ch);
    }
    const r = this.ratio;
    ctx.globalAlpha = 1;
    ctx.fillStyle = cellBg;
    ctx.fillRect(0, 0, cw, ch);
    ctx.globalAlpha = spec.faded ? 0.45 : 1;
    ctx.fillStyle = spec.bg;
    const radius = Math.min(3 * r, ch / 2);
    ctx.beginPath();
    ctx.roundRect(0, 0, cw, ch, radius);
    ctx.fill();
    if (spec.outlined) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5 * r;
      ctx.beginPath();
      ctx.roundRect(1.5 * r, 1.5 * r, cw - 3 * r, ch - 3 * r, Math.max(0, radius - r));
      ctx.stroke();
      ctx.strokeStyle = '#495057';
      ctx.lineWidth = 1 * r;
      ctx.beginPath();
      ctx.roundRect(0.5 * r, 0.5 * r, cw - r, ch - r, radius);
      ctx.stroke();
    }
    ctx.globalAlpha = spec.faded ? 0.6 : 1;
    ctx.fillStyle = spec.fg;
    ctx.font = `600 ${Math.round(fontPx * r)}px ${APP_FONT}`;
    ctx.textBaseline = 'middle';
    const pad = spec.align === 'left' ? 5 * r : 0;
    let text = spec.text;
    const room = cw - 2 * pad;
    if (ctx.measureText(text).width > room) {
      while (text.length > 1 && ctx.measureText(`${text}…`).width > room) text = text.slice(0, -1);
      text = `${text}…`;
    }
    const width = ctx.measureText(text).width;
    const tx = spec.align === 'left' ? pad : Math.round((cw - width) / 2);
    ctx.fillText(text, tx, ch / 2 + 0.5 * r);
    if (spec.struck) {
      ctx.fillRect(tx, Math.round(ch / 2), width, Math.max(1, Math.round(r)));
    }
    ctx.globalAlpha = 1;
    const data = ctx.getImageData(0, 0, cw, ch);
    return { w: cw, h: ch, pixels: new Uint32Array(data.data.buffer.slice(0)) };
  }
}
