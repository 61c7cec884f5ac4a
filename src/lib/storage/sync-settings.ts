import * as v from 'valibot';
import { isSettingKey, SettingsSchema, type SettingKey } from '$lib/settings';
import { ClockSkewError } from '$lib/sync/errors';
import { compareHlc, parseHlc } from '$lib/sync/hlc';
import { readClock, seeReading, unstampedReading } from './clock';
import type { StudyDatabase } from './db';
import { inTransaction, write } from './transaction';

// What sync reads from and writes to this device's settings: each setting with the clock reading
// of its last edit, the newest edit of a setting winning on every device. Only the settings sync;
// the `meta:` records beside them (sessions, backup times, the sync account, the clock) describe
// this device and stay on it.

/** A setting as sync sends and receives it: its value and the reading of its last edit. */
export interface SettingEdit {
	key: SettingKey;
	value: unknown;
	/** formatHlc's text. */
	hlc: string;
}

/**
 * The settings edited after the reading `after` (null: all of them), oldest edit first. Settings
 * saved before edits were stamped are given their reading now (see unstampedReading: older than
 * any stamped edit) and are among them, whatever `after` is. A stored value out of range (from an
 * older version) is not a setting (see loadSettings) and stays here.
 */
export async function settingEditsToSend(
	db: StudyDatabase,
	after: string | null
): Promise<SettingEdit[]> {
	const tx = db.transaction('settings', 'readwrite');
	return inTransaction(tx, async () => {
		const edits: SettingEdit[] = [];
		for (const { key, value, hlc } of await tx.store.getAll()) {
			if (!isSettingKey(key) || !v.is(SettingsSchema.entries[key], value)) continue;
			if (hlc === undefined) {
				const given = await unstampedReading(tx.store);
				write(tx.store.put({ key, value, hlc: given }));
				edits.push({ key, value, hlc: given });
			} else if (after === null || hlc > after) {
				// formatHlc's texts compare as their readings do.
				edits.push({ key, value, hlc });
			}
		}
		return edits.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
	});
}

/**
 * Stores settings edited on other devices, in one transaction: each where its edit is newer than
 * the one here (a setting saved before edits were stamped is older than any), the clock advanced
 * past every reading seen (see receive). An edit stamped more than an hour ahead of `now` is
 * refused: nothing of it is stored, and the clock stays.
 * @param edits checked (see parseBody)
 * @returns how many were stored, and the edits refused for their clock
 */
export async function storeSettingEdits(
	db: StudyDatabase,
	edits: readonly SettingEdit[],
	now: number
): Promise<{ stored: number; skewed: SettingEdit[] }> {
	const tx = db.transaction('settings', 'readwrite');
	return inTransaction(tx, async () => {
		let clock = await readClock(tx.store);
		let stored = 0;
		const skewed: SettingEdit[] = [];
		for (const edit of edits) {
			const remote = parseHlc(edit.hlc);
			if (remote === null) throw new RangeError(`Not a clock reading: ${edit.hlc}`);
			try {
				clock = seeReading(tx.store, clock, remote, now);
			} catch (error) {
				if (!(error instanceof ClockSkewError)) throw error;
				skewed.push(edit);
				continue;
			}
			const here = await tx.store.get(edit.key);
			const mine = here?.hlc === undefined ? null : parseHlc(here.hlc);
			if (mine !== null && compareHlc(remote, mine) <= 0) continue;
			write(tx.store.put({ key: edit.key, value: edit.value, hlc: edit.hlc }));
			stored++;
		}
		return { stored, skewed };
	});
}
