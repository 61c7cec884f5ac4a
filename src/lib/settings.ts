import * as v from 'valibot';

/** What the learner can set, with the range each setting allows. */
export const SettingsSchema = v.object({
	/** FSRS desired retention: the chance of recalling a card when it comes due. */
	desiredRetention: v.pipe(v.number(), v.minValue(0.7), v.maxValue(0.99)),
	/** New cards introduced per study day, all decks together. */
	newPerDay: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
	/** New cards introduced per study day from any one deck (within `newPerDay`). */
	newPerDeck: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(9999)),
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
	newPerDeck: 10,
	reviewsPerDay: 200,
	dayStartHour: 4,
	interviewSeconds: 120,
	listenPauseSeconds: 3
});

/** Every setting's key. */
export const SETTING_KEYS = Object.keys(SettingsSchema.entries) as SettingKey[];

/** Whether a key names a setting. */
export function isSettingKey(key: string): key is SettingKey {
	return (SETTING_KEYS as string[]).includes(key);
}

/** The range a setting allows, read from SettingsSchema so that it is written down once. */
export function settingBounds(key: SettingKey): { min: number; max: number; integer: boolean } {
	const bounds = { min: -Infinity, max: Infinity, integer: false };
	const actions: readonly { type: string; requirement?: unknown }[] =
		SettingsSchema.entries[key].pipe;
	for (const action of actions) {
		if (action.type === 'min_value') bounds.min = Number(action.requirement);
		if (action.type === 'max_value') bounds.max = Number(action.requirement);
		if (action.type === 'integer') bounds.integer = true;
	}
	return bounds;
}

/** What a setting allows, in words: "a whole number from 0 to 9999". */
export function settingRule(key: SettingKey): string {
	const { min, max, integer } = settingBounds(key);
	return `${integer ? 'a whole number' : 'a number'} from ${min} to ${max}`;
}
