import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '$lib/state/app.svelte';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread } from '$lib/state/import-reader';
import { ListenPage } from '$lib/state/listen-page.svelte';
import { StatsPage } from '$lib/state/stats-page.svelte';
import { answeredGood, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

const CARDS = [
	'Front\tBack',
	'What does Acme run on?\tGo and Postgres',
	'How many engineers does Acme have?\tAbout 120',
	'Who founded Acme?\tAda'
].join('\n');

let leaves: (() => void)[] = [];

beforeEach(async () => {
	await freshDevice();
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
	const shown = await mounted(new ImportPage(inThread));
	leaves.push(shown.leave);
	await shown.page.pick(new File([CARDS], 'acme.tsv', { type: 'text/tab-separated-values' }));
	shown.page.title = 'Acme';
	await shown.page.save();
	expect(shown.page.done?.changes.added).toHaveLength(3);
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

describe('an own deck on the other pages', () => {
	it('is read aloud by Listen, alone or with ours', async () => {
		const { page, leave } = await mounted(new ListenPage());
		leaves.push(leave);
		page.scope = 'own-acme';
		expect(page.tracks).toEqual([
			expect.objectContaining({ prompt: 'What does Acme run on?', answer: 'Go and Postgres' }),
			expect.objectContaining({
				prompt: 'How many engineers does Acme have?',
				answer: 'About 120'
			}),
			expect.objectContaining({ prompt: 'Who founded Acme?', answer: 'Ada' })
		]);
		page.scope = '';
		const all = page.tracks.map((track) => track.prompt);
		expect(all).toContain('Who founded Acme?');
		expect(all.length).toBeGreaterThan(3);
	});

	it('counts in Stats: its cards by state and its answers today', async () => {
		const db = await app.ready();
		const own = app.decks.find((deck) => deck.id === 'own-acme');
		expect(own?.items).toHaveLength(3);
		const { page, leave } = await mounted(new StatsPage());
		leaves.push(leave);
		const before = page.stats!;

		await answeredGood(db, own!.items[0]!.id, NOW);
		await page.refresh();
		const after = page.stats!;
		expect(after.answersToday).toBe(before.answersToday + 1);
		expect(after.cards.fresh).toBe(before.cards.fresh - 1);
		expect(after.cards.learning + after.cards.review).toBe(
			before.cards.learning + before.cards.review + 1
		);
	});
});
