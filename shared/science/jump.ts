/**
 * Jump height from flight time or take-off velocity (REFERENCE.md §2). SI units: seconds,
 * metres, m/s; the app shows jump height in cm (× 100) at the UI.
 */
import { requireNonNegative, requirePositive } from './guards';

/** g used by the vectors and the app (REFERENCE.md §0); some devices use 9.80665 (0.03% difference). */
export const GRAVITY_M_S2 = 9.81;

/** Shown with every jump result (REFERENCE.md §2.2). */
export const JUMP_METHOD_CAVEAT =
  'Flight-time devices (mats, optical bars, phone video) over-estimate height when the athlete lands with ' +
  'more knee or ankle bend than at take-off (about +2.5 cm against the take-off-velocity method). Never ' +
  'compare flight-time and force-plate heights, and keep hands-on-hips and arm-swing jumps as separate tests.';

/** Jump height in metres from flight time in seconds, h = g·t²/8 (Bosco 1983; REFERENCE.md §2.1). */
export function jumpHeightFromFlightTime(flightTimeS: number, g: number = GRAVITY_M_S2): number {
  requireNonNegative(flightTimeS, 'Flight time');
  requirePositive(g, 'Gravity');
  return (g * flightTimeS * flightTimeS) / 8;
}

/** Take-off velocity in m/s equivalent to a flight time in seconds, v = g·t/2 (REFERENCE.md §2.1). */
export function takeoffVelocityFromFlightTime(flightTimeS: number, g: number = GRAVITY_M_S2): number {
  requireNonNegative(flightTimeS, 'Flight time');
  requirePositive(g, 'Gravity');
  return (g * flightTimeS) / 2;
}

/** Jump height in metres from take-off velocity in m/s, h = v²/(2g), the force-plate method (REFERENCE.md §2.1). */
export function jumpHeightFromTakeoffVelocity(velocityMS: number, g: number = GRAVITY_M_S2): number {
  requireNonNegative(velocityMS, 'Take-off velocity');
  requirePositive(g, 'Gravity');
  return (velocityMS * velocityMS) / (2 * g);
}

/** Flight time in seconds equivalent to a take-off velocity in m/s, t = 2v/g (REFERENCE.md §2.1). */
export function flightTimeFromTakeoffVelocity(velocityMS: number, g: number = GRAVITY_M_S2): number {
  requireNonNegative(velocityMS, 'Take-off velocity');
  requirePositive(g, 'Gravity');
  return (2 * velocityMS) / g;
}

/** Flight time in seconds for a jump height in metres, t = √(8h/g), the inverse of g·t²/8 (REFERENCE.md §2.1). */
export function flightTimeFromJumpHeight(heightM: number, g: number = GRAVITY_M_S2): number {
  requireNonNegative(heightM, 'Jump height');
  requirePositive(g, 'Gravity');
  return Math.sqrt((8 * heightM) / g);
}
