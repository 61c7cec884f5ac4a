import { ownDecksForBackup } from '$lib/backup/own-decks';
import { NOTES_EXAMPLE } from '$lib/import/notes-example';
import { ownDeck, ownNotesDeck } from '$lib/import/own-deck';
import { readOwnNotes } from '$lib/import/own-notes';
import type { ImportedBasicCard } from '$lib/import/types';
import { formatHlc } from '$lib/sync/hlc';
import type { SyncBody, SyncBodyOf } from '$lib/sync/bodies';

// One valid body of every kind, as a device of ours would sync it.

export const NOW = Date.UTC(2026, 10, 29, 12, 0);
export const HLC = formatHlc({ wall: NOW, counter: 0, node: 'laptop' });

/** The text of an own card, which no sealed document may show. */
export const SECRET_FRONT = 'Who owns the Zanzibar migration?';

export const review: SyncBodyOf<'review'> = {
	kind: 'review',
	review: {
		uid: '0f8fad5b-d9cb-469f-a165-70867728950e',
		card: 'cto/roles/a/basic',
		deck: 'cto',
		rating: 3,
		time: NOW,
		durationMs: 5_000,
		mode: 'review',
		state: 2,
		logDue: NOW - 86_400_000,
		dueBefore: NOW,
		stability: 4.5,
		difficulty: 5.1,
		elapsedDays: 3,
		lastElapsedDays: 2,
		scheduledDays: 9,
		learningSteps: 0,
		retention: 0.9,
		fuzz: false
	}
};

export const cram: SyncBodyOf<'review'> = {
	kind: 'review',
	review: {
		uid: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
		card: 'cto/roles/b/basic',
		deck: 'cto',
		rating: 1,
		time: NOW,
		durationMs: 2_000,
		mode: 'cram'
	}
};

export const quizAttempt: SyncBodyOf<'quizAttempt'> = {
	kind: 'quizAttempt',
	attempt: {
		uid: '16fd2706-8baf-433b-82eb-8c7fada847da',
		scope: 'cto',
		kinds: ['mcq', 'truefalse'],
		startedAt: NOW - 60_000,
		finishedAt: NOW,
		correct: 1,
		total: 2,
		answers: [
			{ item: 'cto/roles/a/mcq', deck: 'cto', topic: 'cto/roles', kind: 'mcq', correct: true },
			{
				item: 'cto/roles/b/truefalse',
				deck: 'cto',
				topic: 'cto/roles',
				kind: 'truefalse',
				correct: false
			}
		]
	}
};

export const interviewAnswer: SyncBodyOf<'interviewAnswer'> = {
	kind: 'interviewAnswer',
	answer: {
		uid: '886313e1-3b8a-4372-9b90-0c9aee199e5d',
		item: 'cto/roles/a/interview',
		deck: 'cto',
		time: NOW,
		durationMs: 90_000,
		covered: [0, 2],
		keyPoints: 3,
		score: 2 / 3,
		notes: 'Started with the budget.',
		mock: null
	}
};

export const setting: SyncBodyOf<'setting'> = {
	kind: 'setting',
	key: 'desiredRetention',
	value: 0.85,
	hlc: HLC
};

export const mark: SyncBodyOf<'mark'> = {
	kind: 'mark',
	mark: {
		item: 'cto/roles/a/basic',
		suspended: false,
		flagged: true,
		note: 'Ask Dana about this one',
		updatedAt: NOW
	},
	hlc: HLC
};

export const myAnswer: SyncBodyOf<'myAnswer'> = {
	kind: 'myAnswer',
	answer: {
		item: 'cto/roles/a/interview',
		situation: 'A platform rewrite',
		task: 'Ship it',
		action: 'Split it',
		result: 'Shipped',
		notes: '',
		updatedAt: NOW
	},
	hlc: HLC
};

const cards: ImportedBasicCard[] = [
	{ key: 'zanzibar', kind: 'basic', front: SECRET_FRONT, back: 'Priya.', tags: [], line: 1 }
];

/** An own deck of imported cards, as a backup holds it. */
export const ownCardsDeck: SyncBodyOf<'ownDeck'> = {
	kind: 'ownDeck',
	deck: ownDecksForBackup([
		ownDeck({ id: 'own-acme', title: 'Acme', file: 'acme.csv', order: 1000, now: NOW }, cards)
	])[0]!,
	hlc: HLC
};

/**
 * An own deck of notes: its notes in base64 (their ask blocks are markup), and interview
 * questions whose phrases are the deepest thing a body holds.
 */
export function ownNotes(): SyncBodyOf<'ownDeck'> {
	const built = readOwnNotes({ name: 'mine.md', text: NOTES_EXAMPLE }).deck!;
	const deck = ownNotesDeck(built, { text: NOTES_EXAMPLE, file: 'mine.md', order: 1000, now: NOW });
	return { kind: 'ownDeck', deck: ownDecksForBackup([deck])[0]!, hlc: HLC };
}

/** One valid body of every kind. */
export const EVERY_KIND: [string, SyncBody][] = [
	['a scheduled answer', review],
	['a cram answer', cram],
	['a quiz attempt', quizAttempt],
	['an interview answer', interviewAnswer],
	['a setting', setting],
	["a card's marks", mark],
	['an answer of your own', myAnswer],
	['an own deck of cards', ownCardsDeck],
	['an own deck of notes', ownNotes()]
];

/** A copy of a body that can be changed freely. */
export function copy<T>(body: T): T {
	return JSON.parse(JSON.stringify(body)) as T;
}
