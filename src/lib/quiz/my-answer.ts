import * as v from 'valibot';
import { groupDigits } from '$lib/format';

/** The parts of a STAR story, then free notes, in the order they are written. */
export const MY_ANSWER_FIELDS = ['situation', 'task', 'action', 'result', 'notes'] as const;

export type MyAnswerField = (typeof MY_ANSWER_FIELDS)[number];

/** What each part is called on screen. */
export const MY_ANSWER_LABELS: Readonly<Record<MyAnswerField, string>> = {
	situation: 'Situation',
	task: 'Task',
	action: 'Action',
	result: 'Result',
	notes: 'Notes'
};

/** The most characters one part may hold: a long story, far from what storage minds. */
export const MY_ANSWER_MAX = 4_000;

/** The text of each part of the candidate's own answer. */
export type MyAnswerText = Record<MyAnswerField, string>;

/** The candidate's own answer (or story) to one interview question, as stored. */
export interface MyAnswer extends MyAnswerText {
	/** The interview question's item id. */
	item: string;
	/** When it was last saved, epoch ms. */
	updatedAt: number;
}

/** An answer with nothing written yet. */
export const EMPTY_ANSWER: MyAnswerText = {
	situation: '',
	task: '',
	action: '',
	result: '',
	notes: ''
};

const part = v.pipe(
	v.string('must be text'),
	v.maxLength(MY_ANSWER_MAX, `must be at most ${groupDigits(MY_ANSWER_MAX)} characters long`)
);

/** The text parts, each a string within the limit. */
export const MyAnswerTextSchema = v.strictObject({
	situation: part,
	task: part,
	action: part,
	result: part,
	notes: part
});

/** Whether nothing at all is written. */
export function isBlank(text: MyAnswerText): boolean {
	return MY_ANSWER_FIELDS.every((field) => text[field].trim() === '');
}

/** The first part longer than the limit, or null when every part fits. */
export function overLimit(text: MyAnswerText): MyAnswerField | null {
	return MY_ANSWER_FIELDS.find((field) => text[field].length > MY_ANSWER_MAX) ?? null;
}

/** A stored answer as read back: its parts within the limit, its question and when it was saved. */
export const MyAnswerSchema = v.strictObject({
	...MyAnswerTextSchema.entries,
	item: v.pipe(v.string('must be an item id'), v.minLength(1, 'must be an item id')),
	updatedAt: v.pipe(v.number('must be a time'), v.integer('must be a whole number'))
});
