import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { keptSession } from '$lib/state/kept-sessions';
import { InterviewSnapshotSchema } from '$lib/state/kept-schemas';
import { InterviewPage } from '$lib/state/interview-page.svelte';
import { freshDevice, mounted, settled, until } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

let leaves: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

async function show(): Promise<InterviewPage> {
	const shown = await mounted(new InterviewPage());
	leaves.push(shown.leave);
	return shown.page;
}

describe('the time an interview answer took', () => {
	it('runs from the question shown to the reveal, not while the model answer is read', async () => {
		const page = await show();
		await page.start('practice');
		const session = page.session!;
		vi.setSystemTime(NOW + 40_000);
		session.reveal();
		expect(session.answeredMs).toBe(40_000);
		// Reading the model answer and ticking the points takes a while: it is not answering time.
		vi.setSystemTime(NOW + 160_000);
		await session.saveScore();
		expect(session.results.at(-1)?.durationMs).toBe(40_000);
	});

	it('is kept every two seconds while the clock runs, not only at each step', async () => {
		vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: NOW });
		const page = await show();
		await page.start('practice');
		const db = await app.ready();
		await page.keeping;
		expect((await keptSession(db, 'interview', InterviewSnapshotSchema))?.keptAt).toBe(NOW);
		// Nothing typed for seconds: the answer's clock is kept as it runs all the same.
		for (const at of [2000, 4000]) {
			vi.advanceTimersByTime(2000);
			await page.keeping;
			// (Within a moment: the page's own timers started as it was shown.)
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.keptAt).toBeGreaterThan(NOW + at - 100);
			expect(kept?.keptAt).toBeLessThanOrEqual(NOW + at);
		}
		vi.advanceTimersByTime(1000);
		// Revealed, the clock stands still: nothing more is written until the next step.
		page.session!.reveal();
		await page.keeping;
		vi.advanceTimersByTime(10_000);
		await page.keeping;
		const revealed = (await keptSession(db, 'interview', InterviewSnapshotSchema))?.keptAt;
		expect(revealed).toBe(Date.now() - 10_000);
	});

	it('is kept across leaving the page after the reveal', async () => {
		const page = await show();
		await page.start('mock');
		const session = page.session!;
		vi.setSystemTime(NOW + 70_000);
		session.reveal();
		const db = await app.ready();
		await settled(async () => {
			const kept = await keptSession(db, 'interview', InterviewSnapshotSchema);
			expect(kept?.answeredMs).toBe(70_000);
		});
		// A minute reading the model answer before leaving: kept with the session, but not answering.
		vi.setSystemTime(NOW + 130_000);
		leaves.pop()?.();

		// Back ten minutes later: the answer still took 70 seconds.
		vi.setSystemTime(NOW + 670_000);
		const again = await show();
		await until(() => again.session !== null, 'the kept interview');
		expect(again.session?.phase).toBe('reveal');
		await again.session!.saveScore();
		expect(again.session!.results.at(-1)?.durationMs).toBe(70_000);
	});
});
