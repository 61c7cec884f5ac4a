import * as v from 'valibot';
import { isBlank, MyAnswerSchema, type MyAnswer } from '$lib/quiz/my-answer';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

/**
 * The candidate's own answer to one question, or null when there is none. A record that does not
 * read back as an answer (damaged, or from a version that wrote another shape) counts as none.
 * @throws StorageError when storage cannot be read
 */
export async function loadMyAnswer(db: StudyDatabase, item: string): Promise<MyAnswer | null> {
	let record: unknown;
	try {
		record = await db.get('myAnswers', item);
	} catch (error) {
		throw toStorageError(error);
	}
	const parsed = v.safeParse(MyAnswerSchema, record);
	return parsed.success ? parsed.output : null;
}

/**
 * Every answer the candidate wrote that reads back well, in question order.
 * @throws StorageError when storage cannot be read
 */
export async function loadMyAnswers(db: StudyDatabase): Promise<MyAnswer[]> {
	try {
		return readableAnswers(await db.getAll('myAnswers'));
	} catch (error) {
		throw toStorageError(error);
	}
}

/** The stored records that read back as answers (a damaged one is left out). */
export function readableAnswers(records: readonly unknown[]): MyAnswer[] {
	return records.flatMap((record) => {
		const parsed = v.safeParse(MyAnswerSchema, record);
		return parsed.success ? [parsed.output] : [];
	});
}

/**
 * Keeps the candidate's answer to a question, over the one before; an answer with nothing written
 * is deleted instead. The caller checks the limits (see `overLimit`).
 * @throws StorageError when it could not be stored (the one before is unchanged)
 */
export async function saveMyAnswer(db: StudyDatabase, answer: MyAnswer): Promise<void> {
	try {
		if (isBlank(answer)) await db.delete('myAnswers', answer.item);
		else await db.put('myAnswers', answer);
	} catch (error) {
		throw toStorageError(error);
	}
}
