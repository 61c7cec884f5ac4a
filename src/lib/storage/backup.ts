import * as v from 'valibot';
import {
	asBackup,
	BACKUP_FORMAT,
	BACKUP_SECTIONS,
	BACKUP_VERSION,
	BackupSchema,
	MAX_RECORDS,
	type Backup,
	type BackupSection,
	type BackupSetting
} from './backup-schema';
import type { StoredDeck, StudyDatabase } from './db';
import { toStorageError } from './errors';
import { SettingsSchema, type SettingKey } from './settings';
import { inTransaction, write } from './transaction';
import { MARKUP } from './markup';

export { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-schema';

/** The largest file accepted, in characters (about bytes: a backup is plain ASCII JSON). */
export const MAX_BACKUP_CHARACTERS = 50 * 1024 * 1024;

/** The stores that hold the learner's progress. Settings are kept apart: reset leaves them. */
const PROGRESS_STORES = ['cards', 'reviews', 'quizAttempts', 'interviewAnswers'] as const;

const SETTING_KEYS = Object.keys(SettingsSchema.entries) as SettingKey[];

/** Keys that could reach an object's prototype if a later step copied the parsed file carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest container of a backup is quizAttempts[i].answers[j], four levels below the file. */
const MAX_DEPTH = 6;

const DAY = 24 * 60 * 60 * 1000;

/** How long a backup stays fresh before the Settings page reminds the learner to make another. */
export const BACKUP_REMINDER_DAYS = 14;

/** A file that cannot be imported; its message says why in words a person can act on. */
export class ImportError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ImportError';
	}
}

/** How many records of each kind a backup import stored. */
export interface ImportSummary {
	cards: number;
	reviews: number;
	quizAttempts: number;
	interviewAnswers: number;
	settings: number;
}

/** How many records each progress store holds. */
export interface ProgressCounts {
	cards: number;
	reviews: number;
	quizAttempts: number;
	interviewAnswers: number;
}

/**
 * Reads all progress in one read-only transaction: card states, answers (with their ids), quiz
 * attempts, interview answers and the settings. Decks are left out (they come from the site), and
 * so are the app's own `meta:` records such as when the last backup was made: they describe this
 * device, and an import keeps them.
 * @param now when the backup is made (epoch ms)
 * @throws StorageError when storage cannot be read
 */
export async function exportProgress(db: StudyDatabase, now: number): Promise<Backup> {
	try {
		const tx = db.transaction([...PROGRESS_STORES, 'settings'], 'readonly');
		const [cards, reviews, quizAttempts, interviewAnswers, records] = await Promise.all([
			tx.objectStore('cards').getAll(),
			tx.objectStore('reviews').getAll(),
			tx.objectStore('quizAttempts').getAll(),
			tx.objectStore('interviewAnswers').getAll(),
			tx.objectStore('settings').getAll()
		]);
		await tx.done;
		return {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: new Date(now).toISOString(),
			cards,
			// Stored records of auto-increment stores always carry their key.
			reviews: reviews as Backup['reviews'],
			quizAttempts: quizAttempts as Backup['quizAttempts'],
			interviewAnswers: interviewAnswers as Backup['interviewAnswers'],
			settings: records.filter(isValidSetting)
		};
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Settings as loadSettings reads them: an unknown key or a value out of range is not a setting. */
function isValidSetting(record: { key: string; value: unknown }): record is BackupSetting {
	return (
		(SETTING_KEYS as string[]).includes(record.key) &&
		v.is(SettingsSchema.entries[record.key as SettingKey], record.value)
	);
}

/** The file name of a backup made at `now`: `cto-prep-progress-2026-11-23.json` (local date). */
export function backupFileName(now: number): string {
	const date = new Date(now);
	const pad = (value: number) => String(value).padStart(2, '0');
	const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
	return `${BACKUP_FORMAT}-${day}.json`;
}

/**
 * The backup as JSON text, one record per line: compact enough for years of answers, and still
 * readable and comparable line by line.
 */
export function serializeBackup(backup: Backup): string {
	const head = [
		`"format":${JSON.stringify(backup.format)}`,
		`"version":${JSON.stringify(backup.version)}`,
		`"exportedAt":${JSON.stringify(backup.exportedAt)}`
	];
	const sections = BACKUP_SECTIONS.map((section) => {
		const records: readonly unknown[] = backup[section];
		if (records.length === 0) return `"${section}":[]`;
		return `"${section}":[\n${records.map((record) => JSON.stringify(record)).join(',\n')}\n]`;
	});
	return `{${[...head, ...sections].join(',\n')}}\n`;
}

/**
 * Checks the text of a backup file and returns the backup it holds.
 * @throws ImportError saying why the file was refused, naming the field or record where it can
 */
export function parseBackup(file: string): Backup {
	// A byte order mark, as some editors write, is not part of the JSON.
	const text = file.startsWith('\uFEFF') ? file.slice(1) : file;
	if (text.trim() === '') throw new ImportError('The file is empty.');
	if (text.length > MAX_BACKUP_CHARACTERS) throw tooLarge();
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new ImportError(notJsonMessage(error));
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		throw new ImportError(`The file holds ${describeJson(data)}, not a CTO Prep progress backup.`);
	}
	const record = data as Record<string, unknown>;
	if (record.format !== BACKUP_FORMAT) {
		throw new ImportError(
			`This is not a CTO Prep progress backup: its format is ${quote(record.format)}, not "${BACKUP_FORMAT}".`
		);
	}
	checkVersion(record.version);
	for (const section of BACKUP_SECTIONS) {
		const records = record[section];
		if (records === undefined) {
			throw new ImportError(`The backup has no "${section}" section.`);
		}
		if (!Array.isArray(records)) {
			throw new ImportError(`The "${section}" section must be a list.`);
		}
		if (records.length > MAX_RECORDS[section]) {
			throw new ImportError(
				`The backup holds too many ${section} (${records.length}); at most ${MAX_RECORDS[section]} are accepted.`
			);
		}
	}
	inspect(data);
	const result = v.safeParse(BackupSchema, data, { abortEarly: true });
	if (!result.success) throw new ImportError(`${describeIssue(result.issues[0])}.`);
	const backup = asBackup(result.output);
	checkRecordsAgree(backup);
	return backup;
}

/**
 * Refuses a file larger than a backup may be before it is even read, from its size in bytes.
 * @throws ImportError when the file is too large
 */
export function checkBackupSize(bytes: number): void {
	if (bytes > MAX_BACKUP_CHARACTERS) throw tooLarge();
}

function tooLarge(): ImportError {
	const limit = Math.round(MAX_BACKUP_CHARACTERS / (1024 * 1024));
	return new ImportError(`The file is too large: a progress backup is at most ${limit} MB.`);
}

function notJsonMessage(error: unknown): string {
	const detail = error instanceof Error ? error.message : '';
	// V8 says "Unexpected end of JSON input", Firefox "unexpected end of data".
	if (/end of (JSON )?(input|data)|Unterminated/i.test(detail)) {
		return 'The file ends too early: it is not complete JSON. It may have been cut short while it was copied or downloaded.';
	}
	return 'The file is not a progress backup: it is not valid JSON.';
}

function describeJson(data: unknown): string {
	if (data === null) return 'only null';
	if (Array.isArray(data)) return 'a list';
	if (typeof data === 'string') return 'only a string';
	return `only a ${typeof data}`;
}

function quote(value: unknown): string {
	if (value === undefined) return 'missing';
	const text = JSON.stringify(value) ?? String(value);
	return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function checkVersion(version: unknown): void {
	if (version === BACKUP_VERSION) return;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		throw new ImportError(
			`This backup was made by a newer version of the app (backup version ${version}; this app reads version ${BACKUP_VERSION}). Update the app, then import it again.`
		);
	}
	throw new ImportError(
		`This backup has an unknown version (${quote(version)}): this app reads version ${BACKUP_VERSION}.`
	);
}

/** Where a value sits in the file, as a person would write it: `reviews[12].rating`. */
function pathName(path: readonly (string | number)[]): string {
	return path
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
		.join('');
}

/**
 * Walks the parsed file without recursion (so no file can exhaust the stack), and refuses keys
 * that reach prototypes, markup in any key or string, and nesting deeper than a backup has.
 * @throws ImportError naming the first such place found
 */
function inspect(data: object): void {
	// Each entry points to its parent, so a path is only built for the message.
	interface Entry {
		value: unknown;
		key: string | number;
		parent: Entry | null;
		depth: number;
	}
	const pathOf = (entry: Entry | null) => {
		const path: (string | number)[] = [];
		for (let at = entry; at?.parent; at = at.parent) path.unshift(at.key);
		return path;
	};
	const stack: Entry[] = [{ value: data, key: '', parent: null, depth: 0 }];
	while (stack.length > 0) {
		const entry = stack.pop() as Entry;
		const { value, depth } = entry;
		if (typeof value === 'string') {
			if (MARKUP.test(value)) {
				throw new ImportError(
					`${pathName(pathOf(entry))} contains HTML or a script, which a progress backup never holds.`
				);
			}
			continue;
		}
		if (typeof value !== 'object' || value === null) continue;
		if (depth >= MAX_DEPTH) {
			throw new ImportError(
				`${pathName(pathOf(entry))} is nested deeper than anything in a progress backup.`
			);
		}
		if (Array.isArray(value)) {
			value.forEach((item: unknown, index) =>
				stack.push({ value: item, key: index, parent: entry, depth: depth + 1 })
			);
			continue;
		}
		for (const [key, item] of Object.entries(value)) {
			if (FORBIDDEN_KEYS.has(key)) {
				throw new ImportError(
					`${holder(pathOf(entry))} a field named "${key}", which is refused because it could change how the app works.`
				);
			}
			if (MARKUP.test(key)) {
				throw new ImportError(
					`${holder(pathOf(entry))} a field name with HTML or a script in it, which a progress backup never holds.`
				);
			}
			stack.push({ value: item, key, parent: entry, depth: depth + 1 });
		}
	}
}

/** The start of a sentence about a field of the object at `path`: "cards[0] has". */
function holder(path: readonly (string | number)[]): string {
	return path.length === 0 ? 'The file has' : `${pathName(path)} has`;
}

/** A valibot issue as a sentence: where in the file, and what was expected. */
function describeIssue(issue: v.BaseIssue<unknown> | undefined): string {
	if (!issue) return 'The file is not a valid progress backup';
	const path = (issue.path ?? []).map((item) => item.key as string | number);
	const where = pathName(path);
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		return `${holder(path.slice(0, -1))} a field ${quote(path.at(-1))} that a progress backup does not have`;
	}
	if (issue.received === 'undefined') return `${where} is missing`;
	const message = issue.message.startsWith('Invalid ')
		? `is not valid (${issue.message})`
		: issue.message;
	return where ? `${where} ${message}` : `The file ${message}`;
}

/** Checks what the schema cannot see record by record: unique keys and answers to known cards. */
function checkRecordsAgree(backup: Backup): void {
	const unique = (section: BackupSection, keys: readonly (string | number)[], what: string) => {
		const seen = new Set<string | number>();
		keys.forEach((key, index) => {
			if (seen.has(key)) {
				throw new ImportError(
					`${section}[${index}] has the same ${what} (${JSON.stringify(key)}) as an earlier record.`
				);
			}
			seen.add(key);
		});
	};
	unique(
		'cards',
		backup.cards.map((card) => card.id),
		'card id'
	);
	unique(
		'reviews',
		backup.reviews.map((review) => review.id),
		'id'
	);
	unique(
		'quizAttempts',
		backup.quizAttempts.map((attempt) => attempt.id),
		'id'
	);
	unique(
		'interviewAnswers',
		backup.interviewAnswers.map((answer) => answer.id),
		'id'
	);
	unique(
		'settings',
		backup.settings.map((setting) => setting.key),
		'key'
	);
	const decks = new Map(backup.cards.map((card) => [card.id, card.deck]));
	backup.reviews.forEach((review, index) => {
		// A cram answer may be to a card never scheduled; any other answer moved a stored card state.
		if (review.mode === 'cram') return;
		const deck = decks.get(review.card);
		if (deck === undefined) {
			throw new ImportError(
				`reviews[${index}] is an answer to the card "${review.card}", which has no card state in the backup.`
			);
		}
		if (deck !== review.deck) {
			throw new ImportError(
				`reviews[${index}] says its card "${review.card}" is in the deck "${review.deck}", but the card state says "${deck}".`
			);
		}
	});
}

/**
 * The item ids of each stored deck, or null while no deck is stored yet (a first visit that could
 * not download them): then the deck sync that stores them settles which cards are retired.
 */
function liveItems(decks: readonly StoredDeck[]): Map<string, Set<string>> | null {
	if (decks.length === 0) return null;
	return new Map(decks.map((deck) => [deck.id, new Set(deck.items.map((item) => item.id))]));
}

/**
 * Replaces all progress with a backup's, in one read-write transaction: card states, answers, quiz
 * attempts, interview answers and the six settings are cleared, then every record of the backup is
 * stored under its original key, its cards retired or not by the decks on this device. Either all
 * of it is stored or nothing changes. Decks and the app's own `meta:` records are kept.
 * @throws StorageError when storage fails (nothing was changed)
 */
export async function importProgress(db: StudyDatabase, backup: Backup): Promise<ImportSummary> {
	const tx = db.transaction([...PROGRESS_STORES, 'settings', 'decks'], 'readwrite');
	return inTransaction(tx, async () => {
		const live = liveItems(await tx.objectStore('decks').getAll());
		const cards = tx.objectStore('cards');
		const reviews = tx.objectStore('reviews');
		const attempts = tx.objectStore('quizAttempts');
		const interviews = tx.objectStore('interviewAnswers');
		const settings = tx.objectStore('settings');
		write(cards.clear());
		write(reviews.clear());
		write(attempts.clear());
		write(interviews.clear());
		for (const key of SETTING_KEYS) write(settings.delete(key));
		// A card is studied when its item is in the decks on this device, whatever the file says:
		// it may come from a device with other content.
		for (const card of backup.cards) {
			const retired = live ? !live.get(card.deck)?.has(card.id) : card.retired;
			write(cards.put(retired === card.retired ? card : { ...card, retired }));
		}
		for (const review of backup.reviews) write(reviews.put(review));
		for (const attempt of backup.quizAttempts) write(attempts.put(attempt));
		for (const answer of backup.interviewAnswers) write(interviews.put(answer));
		for (const setting of backup.settings) write(settings.put(setting));
		return {
			cards: backup.cards.length,
			reviews: backup.reviews.length,
			quizAttempts: backup.quizAttempts.length,
			interviewAnswers: backup.interviewAnswers.length,
			settings: backup.settings.length
		};
	});
}

/**
 * Deletes all progress in one transaction: card states, answers, quiz attempts and interview
 * answers. Decks and settings stay.
 * @throws StorageError when storage fails (nothing was changed)
 */
export async function resetProgress(db: StudyDatabase): Promise<void> {
	const tx = db.transaction([...PROGRESS_STORES], 'readwrite');
	await inTransaction(tx, async () => {
		for (const store of PROGRESS_STORES) write(tx.objectStore(store).clear());
	});
}

/** How many records each progress store holds, for a confirmation that says what will go. */
export async function progressCounts(db: StudyDatabase): Promise<ProgressCounts> {
	try {
		const tx = db.transaction([...PROGRESS_STORES], 'readonly');
		const [cards, reviews, quizAttempts, interviewAnswers] = await Promise.all(
			PROGRESS_STORES.map((store) => tx.objectStore(store).count())
		);
		await tx.done;
		return {
			cards: cards ?? 0,
			reviews: reviews ?? 0,
			quizAttempts: quizAttempts ?? 0,
			interviewAnswers: interviewAnswers ?? 0
		};
	} catch (error) {
		throw toStorageError(error);
	}
}

/** Why the learner should make a backup now, or null when the last one is recent enough. */
export type BackupReminder = { kind: 'never' } | { kind: 'old'; days: number };

/**
 * Whether to remind the learner to export: when there is progress but no backup yet, or the last
 * backup is older than BACKUP_REMINDER_DAYS days.
 * @param lastBackupAt when the last backup was made (epoch ms), or null for never
 * @param now the current time (epoch ms)
 */
export function backupReminder(
	lastBackupAt: number | null,
	hasProgress: boolean,
	now: number
): BackupReminder | null {
	if (lastBackupAt === null) return hasProgress ? { kind: 'never' } : null;
	const age = now - lastBackupAt;
	if (age <= BACKUP_REMINDER_DAYS * DAY) return null;
	return { kind: 'old', days: Math.floor(age / DAY) };
}
