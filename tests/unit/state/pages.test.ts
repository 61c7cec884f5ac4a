import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '$lib/srs/types';
import { app } from '$lib/state/app.svelte';
import { earlyStart, forgetEarlyStarts } from '$lib/state/early-start.svelte';
import { InterviewPage } from '$lib/state/interview-page.svelte';
import { QuizPage } from '$lib/state/quiz-page.svelte';
import { StatsPage } from '$lib/state/stats-page.svelte';
import { StudyPage } from '$lib/state/study-page.svelte';
import { storageStatus } from '$lib/state/storage-status.svelte';
import { deckIndex } from '$lib/content/deck';
import { DECK, freshDevice, mounted, until } from './site';

let leave: (() => void) | undefined;

// Midday: a card's next learning step is due today, whatever time the tests run at (run just
// before the study day's end at 04:00, a Good card's ten-minute step fell into tomorrow).
const MIDDAY = new Date(2026, 10, 23, 12, 0).getTime();

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'], now: MIDDAY });
	forgetEarlyStarts();
	await freshDevice();
});

afterEach(() => {
	leave?.();
	leave = undefined;
	vi.useRealTimers();
});

async function open<T extends StudyPage | QuizPage | InterviewPage | StatsPage>(model: T) {
	const result = await mounted(model);
	leave = result.leave;
	return result.page;
}

describe('the study page model', () => {
	it('counts what there is to study, runs a session whose answers are stored, and counts again', async () => {
		const page = await open(new StudyPage());
		expect(page.error).toBeNull();
		const fresh = page.overview?.all.fresh ?? 0;
		expect(fresh).toBeGreaterThan(0);
		await page.start({ scope: {}, mode: 'review' });
		const session = page.session;
		if (!session) throw new Error('no session');
		expect(session.running).toBe(true);
		const progressBefore = app.progress;
		const before = session.leftByKind!;
		session.reveal();
		await session.answer(Rating.Good);
		expect(session.answered).toBe(1);
		// A new card answered Good is being learned: what is left says so.
		expect(session.leftByKind).toEqual({
			...before,
			fresh: before.fresh - 1,
			learning: before.learning + 1
		});
		// The answer is stored and the other pages are told.
		expect(app.progress).toBe(progressBefore + 1);
		session.finish();
		expect(session.running).toBe(false);
		page.close();
		await until(() => page.session === null && (page.overview?.all.fresh ?? 0) === fresh - 1);
	});

	it('takes a start tapped before the counts were read, once they are', async () => {
		earlyStart.study = { scope: {}, mode: 'review' };
		const page = await open(new StudyPage());
		await until(() => page.session !== null, 'the early start');
		expect(earlyStart.study).toBeNull();
	});

	it('drops an early start when there is nothing to study', async () => {
		earlyStart.study = { scope: { deck: 'no-such-deck' }, mode: 'review' };
		const page = await open(new StudyPage());
		expect(page.session).toBeNull();
		expect(earlyStart.study).toBeNull();
	});
});

describe('the quiz page model', () => {
	it('starts the default quiz, keeps the attempt, and shows the best score after it', async () => {
		const page = await open(new QuizPage());
		await page.startDefault();
		const quiz = page.session;
		if (!quiz) throw new Error('no quiz');
		await quiz.finish();
		expect(quiz.running).toBe(false);
		// Ended before any answer: nothing to keep.
		expect(quiz.saved).toBe('no');
		page.close();
		await page.startDefault();
		const second = page.session;
		if (!second) throw new Error('no second quiz');
		const first = second.current;
		if (first?.kind !== 'mcq' && first?.kind !== 'truefalse') {
			second.respond({ kind: 'order', steps: [] });
		} else {
			second.respond({ kind: 'choice', choice: first.answer });
		}
		await second.finish();
		expect(second.saved).toBe('saved');
		page.close();
		await until(() => page.best.get('all')?.attempts === 1, 'the best score');
	});

	it('says when no question matches the options, and starts nothing', async () => {
		const page = await open(new QuizPage());
		page.scope = 'no-such-deck';
		await page.startWithOptions();
		expect(page.session).toBeNull();
		expect(page.error).toBe('No questions match these options.');
	});

	it('takes a tap on the prerendered "Start quiz" made before it was there', async () => {
		earlyStart.quiz = true;
		const page = await open(new QuizPage());
		await until(() => page.session !== null, 'the early quiz');
		expect(earlyStart.quiz).toBe(false);
	});
});

describe('the interview page model', () => {
	it('counts questions, and a practice session scores and stores an answer', async () => {
		const page = await open(new InterviewPage());
		expect(page.questions).toHaveLength(1);
		expect(page.fresh).toBe(1);
		await page.start('practice');
		const session = page.session;
		if (!session) throw new Error('no session');
		session.reveal();
		session.covered = [0];
		await session.saveScore();
		expect(session.error).toBeNull();
		page.close();
		await until(() => page.fresh === 0 && page.history.length === 1, 'the stored answer');
		// Stats count it as an interview answer, not as a flashcard answer of the day.
		const stats = new StatsPage();
		const statsLeave = stats.mount();
		await until(() => stats.stats !== null);
		expect(stats.stats).toMatchObject({ answersToday: 0, interviews: { answers: 1 } });
		statsLeave();
	});
});

describe('pages follow stored progress', () => {
	it('the stats page counts again when another tab stores an answer', async () => {
		const study = await open(new StudyPage());
		const stats = new StatsPage();
		const statsLeave = stats.mount();
		await until(() => stats.stats !== null);
		expect(stats.stats?.answersToday).toBe(0);
		await study.start({ scope: {}, mode: 'review' });
		study.session?.reveal();
		await study.session?.answer(Rating.Good);
		await until(() => stats.stats?.answersToday === 1, 'the stats to follow');
		statsLeave();
	});

	it("another tab's change reaches every page model of this tab", async () => {
		const stats = await open(new StatsPage());
		const before = app.progress;
		const other = new BroadcastChannel('cto-prep');
		other.postMessage({ type: 'changed' });
		await until(() => app.progress > before, 'the message of the other tab');
		other.close();
		expect(stats.error).toBeNull();
	});

	it('a failed deck update is shown, and the stored decks stay', async () => {
		await open(new StatsPage());
		// A new version is announced, but the deck file that arrives is broken.
		const index = deckIndex([{ ...DECK, hash: 'a-new-version' }]);
		await app.reset(async (url) => (url === '/decks/index.json' ? index : { broken: true }));
		// The decks are stored now: a broken site is reported on every page, and is not fatal.
		const page = await open(new StatsPage());
		expect(page.error).toBeNull();
		await until(() => storageStatus.decks !== null, 'the report of the failed update');
		expect(storageStatus.decks).toMatch(
			/^The decks could not be updated, so the ones on this device are used\./
		);
		expect(app.decks.map((deck) => deck.id)).toEqual(['test']);
	});
});
