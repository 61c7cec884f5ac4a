import * as v from 'valibot';
import { isBlank, MyAnswerSchema, type MyAnswer } from '$lib/quiz/my-answer';
import { AppError } from '$lib/errors';
import type { StudyDatabase } from './db';
import { toStorageError } from './errors';

/**
 * The candidate's own answer to one question, or null when there is none.
 * @throws StorageError when storage cannot be read; DamagedAnswerError when a record is there
 *   but does not read back as an answer (damaged, or from a version that wrote another shape)
 */
export async function loadMyAnswer(db: StudyDatabase, item: string): Promise<MyAnswer | null> {
	let record: unknown;
	try {
		record = await db.get('myAnswers', item);
	} catch (error) {
		throw toStorageError(error);
	}
	if (record === undefined) return null;
	const parsed = v.safeParse(MyAnswerSchema, record);
	if (!parsed.success) throw new DamagedAnswerError();
	return parsed.output;
}

/** A stored answer that cannot be read back: writing a new one replaces it. */
export class DamagedAnswerError extends AppError {
	constructor() {
		super(
			'Your answer stored for this question is damaged and cannot be shown. What you write now replaces it.'
		);
		this.name = 'DamagedAnswerError';
	}
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
