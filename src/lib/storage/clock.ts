import type { IDBPObjectStore, StoreNames } from 'idb';
import { LIMITS } from '$lib/limits';
import { formatHlc, parseHlc, receive, startHlc, tick, type Hlc } from '$lib/sync/hlc';
import type { StudyDB } from './db';
import { write } from './transaction';

// This device's hybrid logical clock, kept beside the settings. It is read and advanced only
// inside the transaction that stores the edit it stamps: two tabs' transactions on the settings
// store run one after the other, so each reads the reading the other left and none is issued
// twice.

/** The `meta:` record of this device's id (random, made once): the node of its clock. */
export const DEVICE_ID = 'meta:deviceId';

/** The `meta:` record of the clock's last reading, issued here or seen from another device. */
export const CLOCK = 'meta:clock';

/** The settings store, inside a read-write transaction that may span other stores too. */
export type ClockStore = IDBPObjectStore<
	StudyDB,
	ArrayLike<StoreNames<StudyDB>>,
	'settings',
	'readwrite'
>;

/**
 * The clock as last stored, with this device's id (made and stored now when there is none).
 * The id is a random uuid: it says nothing of the device, and two devices never share one.
 */
export async function readClock(settings: ClockStore): Promise<Hlc> {
	let node = (await settings.get(DEVICE_ID))?.value;
	if (typeof node !== 'string') {
		node = crypto.randomUUID();
		write(settings.put({ key: DEVICE_ID, value: node }));
	}
	const stored = await settings.get(CLOCK);
	const last = typeof stored?.value === 'string' ? parseHlc(stored.value) : null;
	return last ? { ...last, node: node as string } : startHlc(node as string);
}

/** Stores the clock's reading (see readClock), in the caller's transaction. */
export function writeClock(settings: ClockStore, clock: Hlc): void {
	write(settings.put({ key: CLOCK, value: formatHlc(clock) }));
}

/**
 * A new reading for an edit made here at `now`, later than every one before it, as text; the
 * clock is advanced in the caller's transaction. A clock set before the app existed reads as the
 * app's first day, as no synced edit may be older (see bodies.ts).
 */
export async function stamp(settings: ClockStore, now: number): Promise<string> {
	const next = tick(await readClock(settings), Math.max(now, LIMITS.appEpoch));
	writeClock(settings, next);
	return formatHlc(next);
}

/**
 * The reading given to a record saved before edits were stamped: the app's first day, so that
 * it is older than every stamped edit, and this device's id, so that it is still ordered.
 */
export async function unstampedReading(settings: ClockStore): Promise<string> {
	const { node } = await readClock(settings);
	return formatHlc({ wall: LIMITS.appEpoch, counter: 0, node });
}

/**
 * Advances the clock past another device's reading `remote` (see receive), in the caller's
 * transaction.
 * @throws ClockSkewError when `remote` is more than an hour ahead of `now` (nothing is written)
 */
export function seeReading(settings: ClockStore, clock: Hlc, remote: Hlc, now: number): Hlc {
	const next = receive(clock, remote, now);
	writeClock(settings, next);
	return next;
}
