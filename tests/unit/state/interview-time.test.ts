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
