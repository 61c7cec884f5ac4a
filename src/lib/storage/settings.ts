import * as v from 'valibot';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

/** What the learner can set. */
export const SettingsSchema = v.object({
	/** FSRS desired retention: the chance of recalling a card when it comes due. */
	desiredRetention: v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
	/** New cards introduced per study day. */
	newPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
	/** Review cards shown per study day. */
	reviewsPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(99999)),
	/** The hour (local) at which a new study day starts. */
	dayStartHour: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
	/** Seconds to answer an interview question. */
	interviewSeconds: v.pipe(v.number(), v.integer(), v.minValue(15), v.maxValue(1800)),
	/** Seconds of silence between a prompt and its answer in Listen. */
	listenPauseSeconds: v.pipe(v.number(), v.minValue(0), v.maxValue(30))
});

export type Settings = v.InferOutput<typeof SettingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
	desiredRetention: 0.9,
	newPerDay: 20,
	reviewsPerDay: 200,
	dayStartHour: 4,
	interviewSeconds: 120,
	listenPauseSeconds: 3
});

const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as SettingKey[];

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
		if (!(SETTING_KEYS as string[]).includes(key)) continue;
		const field = SettingsSchema.entries[key as SettingKey];
		const parsed = v.safeParse(field, value);
		if (parsed.success) Object.assign(settings, { [key]: parsed.output });
	}
	return settings;
}

/**
 * Saves one setting after checking it.
 * @throws an Error saying what is allowed when the value is out of range
 */
export async function saveSetting<K extends SettingKey>(
	db: StudyDatabase,
	key: K,
	value: Settings[K]
): Promise<void> {
	const parsed = v.safeParse(SettingsSchema.entries[key], value);
	if (!parsed.success) {
		throw new Error(`${key}: ${parsed.issues[0]?.message ?? 'invalid value'}`);
	}
	try {
		await db.put('settings', { key, value: parsed.output });
	} catch (error) {
		throw toStorageError(error);
	}
}

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
