import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating, type Grade } from '$lib/srs/types';
import { app } from '$lib/state/app.svelte';
import { keepSession, keptSession } from '$lib/state/kept-sessions';
import {
	InterviewSnapshotSchema,
	QuizSnapshotSchema,
	StudySnapshotSchema
} from '$lib/state/kept-schemas';
import { QuizPage } from '$lib/state/quiz-page.svelte';
import { InterviewPage } from '$lib/state/interview-page.svelte';
import { StudyPage } from '$lib/state/study-page.svelte';
import { resetProgress } from '$lib/storage/backup';
import { freshDevice, mounted, settled, until } from './site';

let leaves: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
});

let shownPages: { keeping: Promise<void> }[] = [];

afterEach(async () => {
	for (const leave of leaves) leave();
	leaves = [];
	// The last writes of the pages left land before the next test's fresh device.
	await Promise.all(shownPages.map((page) => page.keeping));
	shownPages = [];
});

/** Shows a page: its model mounted and loaded, as the page does. */
async function show<T extends StudyPage | QuizPage | InterviewPage>(
	model: T
): Promise<{ page: T; leave: () => void }> {
	const shown = await mounted(model);
	leaves.push(shown.leave);
	shownPages.push(model);
	return shown;
}

/** Waits until the kept snapshot of a kind satisfies a condition (it is written after each step). */
async function keptStudy(condition: (answered: number) => boolean) {
	const db = await app.ready();
	return settled(async () => {
		const kept = await keptSession(db, 'study', StudySnapshotSchema);
		expect(kept && condition(kept.answered)).toBe(true);
		return kept;
	});
}

describe('a study session left and shown again', () => {
	it('resumes with the same card, side, counts and summary; closing it forgets it', async () => {
		const first = await show(new StudyPage());
		await first.page.start({ scope: {}, mode: 'review' });
		const session = first.page.session!;
		for (const grade of [Rating.Good, Rating.Again, Rating.Easy] as Grade[]) {
			session.reveal();
			await session.answer(grade);
		}
		session.reveal();
		const onScreen = session.current?.id;
		const left = session.left;
		await keptStudy((answered) => answered === 3);
		first.leave();

		// The page is shown again (a link followed, another page, or a reload).
		const again = await show(new StudyPage());
		await until(() => again.page.session !== null, 'the kept session');
		const resumed = again.page.session!;
		expect(resumed.current?.id).toBe(onScreen);
		expect(resumed.phase).toBe('answer');
		expect(resumed.answered).toBe(3);
		expect(resumed.again).toBe(1);
		expect(resumed.left).toBe(left);

		await resumed.answer(Rating.Good);
		resumed.finish();
		expect(resumed.summary).toMatchObject({ answered: 4, cards: 4 });
		const summary = resumed.summary;
		await keptStudy((answered) => answered === 4);
		again.leave();

		// A finished session keeps its summary until it is closed.
		const third = await show(new StudyPage());
		await until(() => third.page.session !== null, 'the kept summary');
		expect(third.page.session?.phase).toBe('done');
		expect(third.page.session?.summary).toEqual(summary);
		third.page.close();
		await until(() => third.page.session === null);
		const db = await app.ready();
		expect(await keptSession(db, 'study', StudySnapshotSchema)).toBeNull();
	});

	it('does not resume yesterday’s review session, or a kept session after a reset', async () => {
		const db = await app.ready();
		const first = await show(new StudyPage());
		await first.page.start({ scope: {}, mode: 'review' });
		first.page.session!.reveal();
		await first.page.session!.answer(Rating.Good);
		const kept = await keptStudy((answered) => answered === 1);
		first.leave();
		// Leaving kept it once more; what follows writes after that.
		await first.page.keeping;

		await keepSession(db, 'study', { ...kept, day: '2026-01-01' });
		// Resuming is part of the first load, which show() waits for.
		const next = await show(new StudyPage());
		expect(next.page.session).toBeNull();
		expect(await keptSession(db, 'study', StudySnapshotSchema)).toBeNull();
		next.leave();

		await keepSession(db, 'study', kept);
		await resetProgress(db);
		expect(await keptSession(db, 'study', StudySnapshotSchema)).toBeNull();
	});

	it('drops a damaged kept session instead of resuming it wrongly', async () => {
		const db = await app.ready();
		await keepSession(db, 'study', { scope: {}, mode: 'sideways', answered: -1 });
		expect(await keptSession(db, 'study', StudySnapshotSchema)).toBeNull();
		const page = await show(new StudyPage());
		expect(page.page.session).toBeNull();
		expect(page.page.error).toBeNull();
	});
});

describe('a cram session', () => {
	it('brings a card answered "Again" back at the end, and ending early says what is left', async () => {
		const { page } = await show(new StudyPage());
		await page.start({ scope: {}, mode: 'cram' });
		const session = page.session!;
		const total = session.left;
		const first = session.current?.id;
		session.reveal();
		await session.answer(Rating.Again);
		expect(session.left).toBe(total);
		while (session.left > 1) {
			session.reveal();
			await session.answer(Rating.Good);
		}
		expect(session.current?.id).toBe(first);
		session.reveal();
		await session.answer(Rating.Good);
		expect(session.summary).toMatchObject({ answered: total + 1, cards: total, left: 0 });
	});
});

describe('a quiz left and shown again', () => {
	it('comes back on the same question with its feedback, answers and score', async () => {
		const first = await show(new QuizPage());
		await first.page.startDefault();
		const quiz = first.page.session!;
		quiz.respond({ kind: 'choice', choice: 0 });
		await quiz.next();
		const asked = quiz.current!;
		const response =
			asked.kind === 'order'
				? { kind: 'order' as const, steps: [...asked.steps].reverse() }
				: asked.kind === 'match'
					? { kind: 'match' as const, pairs: asked.pairs }
					: { kind: 'choice' as const, choice: 1 };
		quiz.respond(response);
		const db = await app.ready();
		await settled(async () => {
			const kept = await keptSession(db, 'quiz', QuizSnapshotSchema);
			expect(kept?.phase).toBe('feedback');
			expect(kept?.index).toBe(1);
		});
		first.leave();

		const again = await show(new QuizPage());
		await until(() => again.page.session !== null, 'the kept quiz');
		const resumed = again.page.session!;
		expect(resumed.questions.map((item) => item.id)).toEqual(quiz.questions.map((item) => item.id));
		expect(resumed.index).toBe(1);
		expect(resumed.phase).toBe('feedback');
		expect(resumed.response).toEqual(response);
		expect(resumed.answers).toEqual(quiz.answers);
		expect(resumed.startedAt).toBe(quiz.startedAt);
	});
});

describe('an interview left and shown again', () => {
	it('comes back on the same question with what was typed and ticked, and its clock', async () => {
		const first = await show(new InterviewPage());
		await first.page.start('practice');
		const interview = first.page.session!;
		interview.notes = 'We cut the release train to weekly';
		interview.changed();
		interview.reveal();
		interview.covered = [0];
		interview.changed();
		const db = await app.ready();
		await settled(async () => {
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.covered).toEqual([0]);
		});
		first.leave();

		const again = await show(new InterviewPage());
		await until(() => again.page.session !== null, 'the kept interview');
		const resumed = again.page.session!;
		expect(resumed.current?.id).toBe(interview.current?.id);
		expect(resumed.phase).toBe('reveal');
		expect(resumed.notes).toBe('We cut the release train to weekly');
		expect(resumed.covered).toEqual([0]);
		// The clock goes on from where it was, not from when the question was first shown.
		expect(resumed.shownAt).toBeGreaterThanOrEqual(interview.shownAt);
		await resumed.saveScore();
		expect(resumed.results[0]).toMatchObject({ notes: 'We cut the release train to weekly' });
	});
});

describe('a question left before anything was typed', () => {
	it('comes back with the time it had been shown, not a clock started again', async () => {
		const start = Date.UTC(2026, 10, 29, 9, 0);
		vi.useFakeTimers({ toFake: ['Date'], now: start });
		try {
			const first = await show(new InterviewPage());
			await first.page.start('practice');
			const shownAt = first.page.session!.shownAt;
			const db = await app.ready();
			await settled(async () =>
				expect(await keptSession(db, 'interview', InterviewSnapshotSchema)).not.toBeNull()
			);
			// Read for a minute and a half, then another page, and back ten minutes later.
			vi.setSystemTime(shownAt + 90_000);
			first.leave();
			await first.page.keeping;
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.keptAt).toBe(shownAt + 90_000);
			vi.setSystemTime(shownAt + 600_000);
			const again = await show(new InterviewPage());
			await until(() => again.page.session !== null, 'the kept interview');
			expect(Date.now() - again.page.session!.shownAt).toBe(90_000);
		} finally {
			vi.useRealTimers();
		}
	});
});

describe('an answer typed key by key', () => {
	it('is kept in a few writes, the last one holding everything typed', async () => {
		const { page } = await show(new InterviewPage());
		await page.start('practice');
		const interview = page.session!;
		const db = await app.ready();
		const writes = vi.spyOn(IDBObjectStore.prototype, 'put');
		const text = 'We moved to weekly releases and measured lead time';
		for (let typed = 1; typed <= text.length; typed++) {
			interview.notes = text.slice(0, typed);
			interview.changed();
		}
		await settled(async () => {
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.notes).toBe(text);
		});
		const keptWrites = writes.mock.calls.filter(
			([record]) => (record as { key?: string }).key === 'meta:session:interview'
		);
		expect(keptWrites.length).toBeLessThanOrEqual(3);
		writes.mockRestore();
	});
});
