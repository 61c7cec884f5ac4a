import * as v from 'valibot';
import type { StudyDatabase } from '$lib/storage/db';
import { loadMeta, saveMeta } from '$lib/storage/settings';

const KEY = 'extraNew';

const ExtraNewSchema = v.object({
	day: v.string(),
	decks: v.record(v.string(), v.pipe(v.number(), v.integer(), v.minValue(0)))
});

/**
 * The new cards asked for past today's limits ("Study more today"), by deck: kept beside the
 * settings for the study day `day` (`YYYY-MM-DD`), so that they count for that deck all day long
 * and never against the other decks. Another day's record counts for nothing.
 */
export async function loadExtraNew(
	db: StudyDatabase,
	day: string
): Promise<Record<string, number>> {
	const parsed = v.safeParse(ExtraNewSchema, await loadMeta(db, KEY));
	return parsed.success && parsed.output.day === day ? parsed.output.decks : {};
}

/** Adds `count` new cards past today's limits to a deck. */
export async function addExtraNew(
	db: StudyDatabase,
	day: string,
	deck: string,
	count: number
): Promise<void> {
	const decks = await loadExtraNew(db, day);
	await saveMeta(db, KEY, { day, decks: { ...decks, [deck]: (decks[deck] ?? 0) + count } });
}
