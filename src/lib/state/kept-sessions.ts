import * as v from 'valibot';
import { errorMessage } from '$lib/errors';
import type { StudyDatabase } from '$lib/storage/db';
import { loadMeta, saveMeta } from '$lib/storage/settings';

/**
 * Sessions kept across leaving: a study session, a quiz or an interview in progress is written
 * beside the settings after every step, so that following a link, switching pages or reloading
 * (or the phone closing the app) resumes it where it was. Answers themselves are stored as they
 * are given; what is kept here is the session around them (position, counts, timer).
 */
export type SessionKind = 'study' | 'quiz' | 'interview';

/** The `meta:` key a kind of session is kept under. */
export function keptKey(kind: SessionKind): string {
	return `session:${kind}`;
}

/** Keeps a session's snapshot. A failure is logged, never shown: the answers are stored anyway. */
export async function keepSession(
	db: StudyDatabase,
	kind: SessionKind,
	snapshot: unknown
): Promise<void> {
	try {
		await saveMeta(db, keptKey(kind), snapshot);
	} catch (error) {
		errorMessage(error);
	}
}

/**
 * The kept session of a kind, if there is one and it is still well formed (a snapshot written by
 * an older version, or damaged, is dropped rather than resumed wrongly).
 */
export async function keptSession<T>(
	db: StudyDatabase,
	kind: SessionKind,
	schema: v.GenericSchema<unknown, T>
): Promise<T | null> {
	let value: unknown;
	try {
		value = await loadMeta(db, keptKey(kind));
	} catch (error) {
		errorMessage(error);
		return null;
	}
	if (value === undefined || value === null) return null;
	const parsed = v.safeParse(schema, value);
	return parsed.success ? parsed.output : null;
}

/** Forgets the kept session of a kind (it was closed, or a new one started). */
export function forgetSession(db: StudyDatabase, kind: SessionKind): Promise<void> {
	return keepSession(db, kind, null);
}
