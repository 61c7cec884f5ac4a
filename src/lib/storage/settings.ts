import * as v from 'valibot';
import {
	DEFAULT_SETTINGS,
	isSettingKey,
	SettingsSchema,
	settingRule,
	type SettingKey,
	type Settings
} from '$lib/settings';
import { AppError } from '$lib/errors';
import type { StudyDatabase } from './db';
import { stamp } from './clock';
import { toStorageError } from './errors';
import { inTransaction, write } from './transaction';

/**
 * Reads the settings. A missing or invalid stored value (from an older version, say) falls back to
 * its default, so settings always load.
 */
export async function loadSettings(db: StudyDatabase): Promise<Settings> {
	const settings: Settings = { ...DEFAULT_SETTINGS };
	const records = await db.getAll('settings').catch((error: unknown) => {
		throw toStorageError(error);
	});
	for (const { key, value } of records) {
		if (!isSettingKey(key)) continue;
		const field = SettingsSchema.entries[key];
		const parsed = v.safeParse(field, value);
		if (parsed.success) Object.assign(settings, { [key]: parsed.output });
	}
	return settings;
}

/** A setting value out of its range; the message says what is allowed. */
export class SettingError extends AppError {
	constructor(key: SettingKey) {
		super(`This setting must be ${settingRule(key)}. Nothing was changed.`);
		this.name = 'SettingError';
	}
}

/**
 * Saves one setting after checking it, stamped with a new reading of this device's clock (see
 * stamp), so that the newest edit of it wins when devices sync.
 * @param now when it is saved (epoch ms)
 * @throws SettingError saying what is allowed when the value is out of range
 */
export async function saveSetting<K extends SettingKey>(
	db: StudyDatabase,
	key: K,
	value: Settings[K],
	now = Date.now()
): Promise<void> {
	const parsed = v.safeParse(SettingsSchema.entries[key], value);
	if (!parsed.success) throw new SettingError(key);
	const tx = db.transaction('settings', 'readwrite');
	await inTransaction(tx, async () => {
		// The clock is read and advanced in this transaction, so no other tab issues the same reading.
		const hlc = await stamp(tx.store, now);
		write(tx.store.put({ key, value: parsed.output, hlc }));
	});
}

/** The `meta:` record of the learner's interview date (a backup file carries it). */
export const INTERVIEW_DATE_META = 'interviewDate';

/** Reads an app record kept beside the settings (such as when the last backup was made). */
export async function loadMeta(db: StudyDatabase, key: string): Promise<unknown> {
	const record = await db.get('settings', `meta:${key}`);
	return record?.value;
}

/** Saves an app record kept beside the settings. */
export async function saveMeta(db: StudyDatabase, key: string, value: unknown): Promise<void> {
	try {
		await db.put('settings', { key: `meta:${key}`, value });
	} catch (error) {
		throw toStorageError(error);
	}
}
