/** Short texts for the grid's chips. */
import { PHASE_INFO, PHASES } from '@shared/plan/model';

const PHASE_PREFIX = new RegExp(`^(${PHASES.map((p) => PHASE_INFO[p].label.split(' ')[0]).join('|')}|Max strength|Sprint-specific)\\s+`, 'i');

/** "Foundational A posterior chain" → "posterior chain" (the letter is on the chip already). */
export function shortTemplateName(name: string): string {
  return name.replace(PHASE_PREFIX, '').replace(/^[ABC]\s+/, '');
}
