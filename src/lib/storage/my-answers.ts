import * as v from 'valibot';
import { neutralizeMarkup } from '$lib/markup';
import { isBlank, MY_ANSWER_FIELDS, MyAnswerSchema, type MyAnswer } from '$lib/quiz/my-answer';
import { AppError } from '$lib/errors';
import { stamp } from './clock';
import type { StoredMyAnswer, StudyDatabase } from './db';
import { toStorageError } from './errors';
import { SYNC_ACCOUNT } from './removals';
import { inTransaction, write } from './transaction';

/**
 * The candidate's own answer to one question, or null when there is none (or it was emptied).
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
	const answer = myAnswerOf(record);
	if (answer === null) throw new DamagedAnswerError();
	return isBlank(answer) ? null : answer;
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

/**
 * The stored records that read back as answers, without their clock readings (a damaged one is
 * left out, and so is an emptied one: it only keeps the time it was emptied for sync).
 */
export function readableAnswers(records: readonly unknown[]): MyAnswer[] {
	return records.flatMap((record) => {
		const answer = myAnswerOf(record);
		return answer && !isBlank(answer) ? [answer] : [];
	});
}

/**
 * A stored record as an answer, without the clock reading of its last edit (which only sync
 * reads), or null when it does not read back well. An emptied answer reads as a blank one.
 */
export function myAnswerOf(record: unknown): MyAnswer | null {
	if (typeof record !== 'object' || record === null) return null;
	const copy: Partial<StoredMyAnswer> = { ...record };
	delete copy.hlc;
	const parsed = v.safeParse(MyAnswerSchema, copy);
	return parsed.success ? parsed.output : null;
}

/**
 * An answer as it leaves this device (a backup, sync): tags and script URLs neutralized (see
 * neutralizeMarkup), as neither ever holds markup; what is stored here stays as it was typed.
 */
export function plainAnswer(answer: MyAnswer): MyAnswer {
	const copy = { ...answer };
	for (const field of MY_ANSWER_FIELDS) copy[field] = neutralizeMarkup(answer[field]);
	return copy;
}

/**
 * Keeps the candidate's answer to a question, over the one before, stamped with a new reading of
 * this device's clock (see stamp) in the transaction that advances it, so that the newest edit
 * of an answer wins when devices sync. An answer with nothing written is deleted instead, or,
 * while this device syncs, kept blank: the emptying is then the newest edit on every device.
 * The caller checks the limits (see `overLimit`).
 * @param now when it is saved (epoch ms): the answer's own time unless told
 * @throws StorageError when it could not be stored (the one before is unchanged)
 */
export async function saveMyAnswer(
	db: StudyDatabase,
	answer: MyAnswer,
	now = answer.updatedAt
): Promise<void> {
	try {
		const tx = db.transaction(['myAnswers', 'settings'], 'readwrite');
		await inTransaction(tx, async () => {
			const store = tx.objectStore('myAnswers');
			const settings = tx.objectStore('settings');
			if (isBlank(answer) && (await settings.get(SYNC_ACCOUNT)) === undefined) {
				write(store.delete(answer.item));
				return;
			}
			write(store.put({ ...answer, hlc: await stamp(settings, now) }));
		});
	} catch (error) {
		throw toStorageError(error);
	}
}
