import { EQUIPMENT_DEFAULTS, type SquadSettings } from '@shared/domain/settings';
import { LB_PER_KG, roundForDisplay, type MassUnit } from '@shared/units';

type Equipment = Pick<SquadSettings, 'plateIncrement' | 'barWeight' | 'dumbbellStep'>;

/**
 * Equipment values when the coach switches kg ↔ lb: a standard gym stays standard (2.5 kg plates
 * become 5 lb plates, a 20 kg bar a 45 lb bar); anything the coach customised is converted.
 */
export function convertEquipment(equipment: Equipment, from: MassUnit, to: MassUnit): Equipment {
  if (from === to) return equipment;
  const factor = to === 'lb' ? LB_PER_KG : 1 / LB_PER_KG;
  const convert = (key: keyof Equipment) =>
    equipment[key] === EQUIPMENT_DEFAULTS[from][key] ? EQUIPMENT_DEFAULTS[to][key] : roundForDisplay(equipment[key] * factor, 2);
  return { plateIncrement: convert('plateIncrement'), barWeight: convert('barWeight'), dumbbellStep: convert('dumbbellStep') };
}
