import * as v from 'valibot';
import { isSettingKey, SettingsSchema, type SettingKey } from '$lib/settings';
import type { StudyDatabase } from './db';
import { editsToSend, storeNewestEdits } from './sync-edits';

// What sync reads from and writes to this device's settings (see sync-edits.ts). Only the
// settings sync; the `meta:` records beside them (sessions, backup times, the sync account, the
// clock) describe this device and stay on it.

/** A setting as sync sends and receives it: its value and the reading of its last edit. */
export interface SettingEdit {
	key: SettingKey;
	value: unknown;
	/** formatHlc's text. */
	hlc: string;
}

/** A stored setting as it syncs, or null: a `meta:` record, or a value out of range. */
function syncedSetting(record: unknown): { key: SettingKey; value: unknown } | null {
	const { key, value } = record as { key: string; value: unknown };
	// A value out of range (from an older version) is not a setting (see loadSettings).
	if (!isSettingKey(key) || !v.is(SettingsSchema.entries[key], value)) return null;
	return { key, value };
}

/**
 * The settings edited after the reading `after` (null: all of them), oldest edit first; those
 * saved before edits were stamped among them (see editsToSend).
 */
export async function settingEditsToSend(
	db: StudyDatabase,
	after: string | null
): Promise<SettingEdit[]> {
	const edits = await editsToSend(db, 'settings', after, syncedSetting);
	return edits.map(({ record, hlc }) => ({ ...record, hlc }));
}

/**
 * Stores settings edited on other devices where their edit is newer than the one here; refuses
 * those stamped over an hour ahead of `now` (see storeNewestEdits).
 * @param edits checked (see parseBody)
 * @returns how many were stored, and how many were refused for their clock
 */
export function storeSettingEdits(
	db: StudyDatabase,
	edits: readonly SettingEdit[],
	now: number
): Promise<{ stored: number; skewed: number }> {
	return storeNewestEdits(
		db,
		'settings',
		edits.map(({ key, value, hlc }) => ({ record: { key, value }, hlc })),
		(record) => record.key,
		now
	);
}
