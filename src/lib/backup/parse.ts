import * as v from 'valibot';
import { ImportError } from './errors';
import { holder, inspect, pathName } from './inspect';
import { checkRecordsAgree, checkTimes, rebuildFromLog } from './log';
import {
	asBackup,
	BACKUP_FORMAT,
	BACKUP_SECTIONS,
	BACKUP_VERSION,
	READABLE_VERSIONS,
	BackupSchema,
	MAX_MY_ANSWERS,
	MAX_RECORDS,
	type Backup
} from './schema';
import { MAX_RECORDINGS } from './recordings';

/** The largest file accepted, in characters (about bytes: a backup is plain ASCII JSON). */
export const MAX_BACKUP_CHARACTERS = 50 * 1024 * 1024;

/** A backup that passed every check, as it will be stored. */
export interface CheckedBackup {
	backup: Backup;
	/** Cards whose state (or the states recorded with their answers) disagreed with their answers and were rebuilt from them. */
	rebuilt: number;
}

/**
 * Checks the text of a backup file and returns the backup it holds, held to the review log: card
 * states are rebuilt from their answers where the file says otherwise.
 * @param now this device's clock (epoch ms): a backup cannot have been made after it
 * @throws ImportError saying why the file was refused, naming the field or record where it can
 */
export function parseBackup(file: string, now: number): CheckedBackup {
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
	const mine = record.myAnswers;
	if (Array.isArray(mine) && mine.length > MAX_MY_ANSWERS) {
		throw new ImportError(
			`The backup holds too many answers of your own (${mine.length}); at most ${MAX_MY_ANSWERS} are accepted.`
		);
	}
	const recordings = record.recordings;
	if (Array.isArray(recordings) && recordings.length > MAX_RECORDINGS) {
		throw new ImportError(
			`The backup holds too many recordings (${recordings.length}); at most ${MAX_RECORDINGS} are accepted.`
		);
	}
	inspect(data);
	const result = v.safeParse(BackupSchema, data, { abortEarly: true });
	if (!result.success) throw new ImportError(`${describeIssue(result.issues[0])}.`);
	const backup = asBackup(result.output);
	checkRecordsAgree(backup);
	checkTimes(backup, now);
	return rebuildFromLog(backup);
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
	if (READABLE_VERSIONS.some((readable) => readable === version)) return;
	if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_VERSION) {
		throw new ImportError(
			`This backup was made by a newer version of the app (backup version ${version}; this app reads versions up to ${BACKUP_VERSION}). Update the app, then import it again.`
		);
	}
	throw new ImportError(
		`This backup has an unknown version (${quote(version)}): this app reads versions ${READABLE_VERSIONS.join(', ')}.`
	);
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
	// Every rule of the schema has its own words; valibot's own are never shown as they are.
	const message = issue.message.startsWith('Invalid ') ? 'is not valid' : issue.message;
	return where ? `${where} ${message}` : `The file ${message}`;
}
