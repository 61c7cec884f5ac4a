import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { QUIZ_KINDS } from '$lib/content/types';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { recordAnswer, requestCards, undoAnswer } from '$lib/state/answers';
import type { StudyDatabase } from '$lib/storage/db';
import { saveQuizAttempt } from '$lib/storage/history';
import { saveSetting } from '$lib/storage/settings';
import { Rating, type Grade } from '$lib/srs/types';
import { freshDB } from './db';

const START = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;

// Random histories, made the way the app makes them: answers to cards and interview questions in
// every mode, undos, "Review mistakes" requests, quizzes and settings, at rising times.
const CARDS = ['a/t/one/basic', 'a/t/one/reverse', 'a/t/two/cloze', 'b/u/three/basic'];
const QUESTIONS = ['a/q/why/interview', 'b/q/how/interview'];
const grade = fc.constantFrom<Grade>(Rating.Again, Rating.Hard, Rating.Good, Rating.Easy);
const gap = fc.integer({ min: 0, max: 9 * 24 * 60 }).map((minutes) => minutes * MINUTE);

const step = fc.oneof(
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('answer' as const),
			card: fc.constantFrom(...CARDS),
			grade,
			cram: fc.boolean(),
			gap
		})
	},
	{
		weight: 2,
		arbitrary: fc.record({
			kind: fc.constant('interview' as const),
			item: fc.constantFrom(...QUESTIONS),
			covered: fc.uniqueArray(fc.nat({ max: 3 }), { maxLength: 4 }),
			mock: fc.boolean(),
			gap
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), gap }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('request' as const),
			cards: fc.subarray(CARDS, { minLength: 1 }),
			gap
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('quiz' as const),
			right: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
			gap
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('setting' as const),
			retention: fc.constantFrom(0.8, 0.85, 0.9, 0.95),
			gap
		})
	}
);

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Plays a history into a fresh database; returns it and the time of its last step. */
async function play(steps: readonly Step[]): Promise<{ db: StudyDatabase; end: number }> {
	const db = await freshDB();
	let now = START;
	let retention = 0.9;
	const given: number[] = [];
	for (const next of steps) {
		now += next.gap + 1000;
		if (next.kind === 'answer' || next.kind === 'interview') {
			const interview = next.kind === 'interview';
			const id = interview ? next.item : next.card;
			const covered = interview ? next.covered : [];
			const { review } = await recordAnswer(db, {
				card: { id, deck: id.slice(0, id.indexOf('/')) },
				grade: interview ? Rating.Good : next.grade,
				mode: interview ? 'interview' : next.cram ? 'cram' : 'review',
				now,
				durationMs: 4000,
				params: { retention, fuzz: true },
				interview: interview
					? {
							covered: [...covered].sort((a, b) => a - b),
							keyPoints: 4,
							score: covered.length / 4,
							notes: 'Hiring & budget',
							mock: next.mock ? now : null
						}
					: undefined
			});
			given.push(review.id as number);
		} else if (next.kind === 'undo') {
			const last = given.pop();
			// Only the latest answer of a card can be undone; an older one is refused and left.
			if (last !== undefined) await undoAnswer(db, last).catch(() => undefined);
		} else if (next.kind === 'request') {
			await requestCards(
				db,
				next.cards.map((id) => ({ id, deck: id.slice(0, id.indexOf('/')) })),
				now
			);
		} else if (next.kind === 'quiz') {
			await saveQuizAttempt(db, {
				scope: 'all',
				kinds: [...QUIZ_KINDS],
				startedAt: now - MINUTE,
				finishedAt: now,
				correct: next.right.filter(Boolean).length,
				total: next.right.length,
				answers: next.right.map((correct, index) => ({
					item: `a/t/q${index}/mcq`,
					deck: 'a',
					topic: 't',
					kind: 'mcq',
					correct
				}))
			});
		} else {
			retention = next.retention;
			await saveSetting(db, 'desiredRetention', retention);
		}
	}
	return { db, end: now };
}

async function stores(db: StudyDatabase) {
	const [cards, reviews, quizAttempts, interviewAnswers, settings] = await Promise.all([
		db.getAll('cards'),
		db.getAll('reviews'),
		db.getAll('quizAttempts'),
		db.getAll('interviewAnswers'),
		db.getAll('settings')
	]);
	// Settings by their values: the clock of their last edits (meta:clock, meta:deviceId and each
	// setting's reading) belongs to this device, and an import stamps the settings it changes.
	const values = settings
		.filter((record) => !record.key.startsWith('meta:'))
		.map(({ key, value }) => ({ key, value }));
	return { cards, reviews, quizAttempts, interviewAnswers, settings: values };
}

describe('a backup of any history the app can make', () => {
	it('is read as it is (nothing rebuilt) and imports into a fresh database exactly', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { maxLength: 25 }), async (steps) => {
				const { db: source, end } = await play(steps);
				const text = serializeBackup(await exportProgress(source, end + MINUTE));
				const checked = parseBackup(text, end + MINUTE);
				// Stored states always equal the replay of their answers: nothing to rebuild.
				expect(checked.rebuilt).toBe(0);
				const target = await freshDB();
				await importProgress(target, checked);
				const [before, after] = await Promise.all([stores(source), stores(target)]);
				// Keys are handed out anew, from 1, in the order of the old ones.
				const renumber = <T extends { id?: number }>(records: T[]) =>
					records.map((record, index) => ({ ...record, id: index + 1 }));
				expect(after).toEqual({
					...before,
					reviews: renumber(before.reviews),
					quizAttempts: renumber(before.quizAttempts),
					interviewAnswers: renumber(before.interviewAnswers)
				});
				source.close();
				target.close();
			}),
			{ numRuns: 40 }
		);
	});
});
