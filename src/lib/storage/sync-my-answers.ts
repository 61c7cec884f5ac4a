import type { MyAnswer } from '$lib/quiz/my-answer';
import type { StudyDatabase } from './db';
import { myAnswerOf, plainAnswer } from './my-answers';
import { editsToSend, storeNewestEdits, type Edit } from './sync-edits';

// What sync reads from and writes to the candidate's own answers (see sync-edits.ts): one record
// per interview question, the newest edit of an answer winning on every device. An emptied
// answer syncs as a blank one (see saveMyAnswer), which reads as none.

/**
 * The answers edited after the reading `after` (null: all of them), oldest edit first; those
 * saved before edits were stamped among them (see editsToSend). A record that does not read back
 * well stays here (see loadMyAnswer).
 */
export function myAnswerEditsToSend(
	db: StudyDatabase,
	after: string | null
): Promise<Edit<MyAnswer>[]> {
	return editsToSend(db, 'myAnswers', after, (record) => {
		const answer = myAnswerOf(record);
		// As in a backup: text typed with a tag in it is sent with a look-alike character, as every
		// device refuses markup in what it receives. What is stored here stays as it was typed.
		return answer && plainAnswer(answer);
	});
}

/**
 * Stores answers edited on other devices where their edit is newer than the one here; refuses
 * those stamped over an hour ahead of `now` (see storeNewestEdits).
 * @param edits checked (see parseBody)
 * @returns how many were stored, and how many were refused for their clock
 */
export function storeMyAnswerEdits(
	db: StudyDatabase,
	edits: readonly Edit<MyAnswer>[],
	now: number
): Promise<{ stored: number; skewed: number }> {
	return storeNewestEdits(db, 'myAnswers', edits, (answer) => answer.item, now);
}
