import { LIMITS } from '$lib/limits';
import { ClockSkewError } from './errors';

// A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): it stays close to
// the wall clock, yet every edit a device makes, or makes after seeing another's, is ordered
// after it, even when the device's clock goes back. "Newest edit wins" compares these.

/** One reading of a hybrid logical clock. */
export interface Hlc {
	/** Epoch ms: the largest wall time this device has seen, its own or another's. */
	wall: number;
	/** Orders edits within one millisecond of `wall`. */
	counter: number;
	/** The device's id: breaks ties, so two devices' edits are never equal. */
	node: string;
}

/** A device id: letters, digits, `_` and `-`, at most 40 characters. */
export const HLC_NODE = /^[A-Za-z0-9_-]{1,40}$/;

/** The widest wall time written (15 digits: beyond the year 30000). */
const WALL_DIGITS = 15;
const COUNTER_DIGITS = 5;
/** Past this many edits in one millisecond, the clock moves to the next millisecond instead. */
export const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const MAX_WALL = 10 ** WALL_DIGITS - 1;

const FORMAT = new RegExp(`^(\\d{${WALL_DIGITS}})-(\\d{${COUNTER_DIGITS}})-(.+)$`);

/**
 * A device's clock before its first edit.
 * @param node the device's id, which HLC_NODE allows (so that its readings can be written)
 */
export function startHlc(node: string): Hlc {
	if (!HLC_NODE.test(node)) throw new RangeError('An HLC node is 1 to 40 letters, digits, _ or -');
	return { wall: 0, counter: 0, node };
}

/** The clock after a local edit at `now`: later than every reading before it. */
export function tick(clock: Hlc, now: number): Hlc {
	const wall = Math.max(clock.wall, now);
	return bounded(wall, wall === clock.wall ? clock.counter + 1 : 0, clock.node);
}

/**
 * The clock after seeing another device's edit stamped `remote`, at `now`: later than both.
 * @throws ClockSkewError when `remote` is further ahead of `now` than clocks drift: taking it
 * would stamp every later edit of ours with that future time, so that no correct clock could
 * ever win again
 */
export function receive(clock: Hlc, remote: Hlc, now: number): Hlc {
	if (tooFarAhead(remote, now)) throw new ClockSkewError();
	const wall = Math.max(clock.wall, remote.wall, now);
	let counter = 0;
	if (wall === clock.wall && wall === remote.wall) {
		counter = Math.max(clock.counter, remote.counter) + 1;
	} else if (wall === clock.wall) {
		counter = clock.counter + 1;
	} else if (wall === remote.wall) {
		counter = remote.counter + 1;
	}
	return bounded(wall, counter, clock.node);
}

/**
 * Whether a reading is further ahead of `now` than clocks drift (see receive): an edit stamped
 * so is refused, not ordered.
 */
export function tooFarAhead(remote: Hlc, now: number): boolean {
	return remote.wall > now + LIMITS.clockSkewMs;
}

/** Orders readings: by wall time, then counter, then device id (negative when `a` is earlier). */
export function compareHlc(a: Hlc, b: Hlc): number {
	if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
	if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
	if (a.node === b.node) return 0;
	return a.node < b.node ? -1 : 1;
}

/**
 * A reading as text, `<wall>-<counter>-<node>` with fixed-width digits, so that comparing the
 * texts orders them as compareHlc does.
 */
export function formatHlc(clock: Hlc): string {
	const wall = String(clock.wall).padStart(WALL_DIGITS, '0');
	const counter = String(clock.counter).padStart(COUNTER_DIGITS, '0');
	return `${wall}-${counter}-${clock.node}`;
}

/** The reading a text written by formatHlc holds, or null when it is not one. */
export function parseHlc(text: string): Hlc | null {
	const match = FORMAT.exec(text);
	if (!match) return null;
	const [, wall, counter, node] = match as unknown as [string, string, string, string];
	if (!HLC_NODE.test(node)) return null;
	return { wall: Number(wall), counter: Number(counter), node };
}

/**
 * A reading whose counter fits its digits: past MAX_COUNTER edits in one millisecond the wall
 * moves on a millisecond (still later than everything before, and only a millisecond ahead).
 */
function bounded(wall: number, counter: number, node: string): Hlc {
	if (!Number.isSafeInteger(wall) || wall < 0 || wall >= MAX_WALL) {
		throw new RangeError(`An HLC wall time must be a whole number of ms, not ${wall}`);
	}
	return counter > MAX_COUNTER ? { wall: wall + 1, counter: 0, node } : { wall, counter, node };
}
