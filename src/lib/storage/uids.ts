import { hashString } from '$lib/content/hash';
import type { HistoryStore } from './db';

/**
 * A new id for a record of history: random, so two devices never give the same one, and it says
 * nothing about the record (a sync server sees it).
 */
export function newUid(): string {
	return crypto.randomUUID();
}

/** The record with its own id: the one it has, or a new one. */
export function withUid<T extends { uid?: string }>(record: T): T & { uid: string } {
	return { ...record, uid: record.uid ?? newUid() };
}

/**
 * The id of a record stored before records had ids. Every device that holds the same record (a
 * backup carried it from one to the other) must give it the same id, or sync would count it twice:
 * so it is made from what the record is (its card or question, when, and what was answered),
 * never from what a device adds to it. Shaped as a version 4 UUID, like the random ones.
 */
export function legacyUid(store: HistoryStore, record: object): string {
	const fields = record as Record<string, unknown>;
	const what =
		store === 'reviews'
			? [fields.card, fields.mode, fields.rating, fields.time]
			: store === 'quizAttempts'
				? [fields.scope, fields.startedAt, fields.finishedAt, fields.correct, fields.total]
				: [fields.item, fields.time, fields.score];
	const text = JSON.stringify([store, ...what]);
	const hex = [1, 2, 3]
		.map((seed) => parseInt(hashString(text, seed), 36).toString(16).padStart(14, '0'))
		.join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16] as string, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The record with its own id: the one it has, or the one a record from before ids is given. */
export function withLegacyUid<T extends { uid?: string }>(
	store: HistoryStore,
	record: T
): T & { uid: string } {
	return { ...record, uid: record.uid ?? legacyUid(store, record) };
}
