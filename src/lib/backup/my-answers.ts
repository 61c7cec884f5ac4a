import * as v from 'valibot';
import { MyAnswerTextSchema } from '$lib/quiz/my-answer';
import { itemId, MAX_MY_ANSWERS, time } from './fields';

/** The candidate's own answer to a question: its parts are plain text within the app's limit. */
export const MyAnswerRecordSchema = v.strictObject(
	{ ...MyAnswerTextSchema.entries, item: itemId, updatedAt: time },
	'must be an answer of your own (an object)'
);

/** The candidate's own answers in a backup: at most one a question. */
export const MyAnswersSchema = v.pipe(
	v.array(MyAnswerRecordSchema, 'must be a list of answers of your own'),
	v.maxLength(MAX_MY_ANSWERS, `must hold at most ${MAX_MY_ANSWERS} answers`),
	v.check(
		(answers) => new Set(answers.map((answer) => answer.item)).size === answers.length,
		'holds two answers of your own to one question'
	)
);
