import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILD_DIR } from './site';

// Version 1 is the build under test; version 2 is built here from a copy of the project whose
// notes changed: one sentence reworded (same item id), one new fact added.
const PROJECT = join(import.meta.dirname, '../..');
const PORT = 4180;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const REWORDED = 'cto-role/what-a-cto-is/chief-technology-officer/cloze';
const ADDED = 'cto-role/what-a-cto-is/version-two-fact/cloze';

let work: string;
let served: string;
let server: ChildProcess;

function buildVersionTwo(): string {
	const copy = join(work, 'v2');
	for (const entry of [
		'src',
		'static',
		'content',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json'
	]) {
		cpSync(join(PROJECT, entry), join(copy, entry), { recursive: true });
	}
	symlinkSync(join(PROJECT, 'node_modules'), join(copy, 'node_modules'));
	const notes = join(copy, 'content/cto-role.md');
	const text = readFileSync(notes, 'utf8');
	const sentence = 'The letters CTO stand for **Chief Technology Officer**.';
	expect(text).toContain(sentence);
	writeFileSync(
		notes,
		text.replace(
			sentence,
			'CTO is short for **Chief Technology Officer**.\n\nThis sentence exists only in the **version two fact** test build.'
		)
	);
	execFileSync('npx', ['vite', 'build'], { cwd: copy, stdio: 'ignore' });
	return join(copy, 'build');
}

function serve(build: string) {
	rmSync(served, { recursive: true, force: true });
	cpSync(build, served, { recursive: true });
}

async function stored(page: Page) {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve) => {
			const open = indexedDB.open('cto-prep');
			open.onsuccess = () => resolve(open.result);
		});
		const all = <T>(store: string) =>
			new Promise<T[]>((resolve) => {
				const request = db.transaction(store).objectStore(store).getAll();
				request.onsuccess = () => resolve(request.result as T[]);
			});
		const [cards, reviews, decks] = await Promise.all([
			all<{ id: string }>('cards'),
			all<{ id: number }>('reviews'),
			all<{ id: string; items: { id: string; text?: string }[] }>('decks')
		]);
		db.close();
		return { cards, reviews, decks };
	});
}

test.beforeAll(async () => {
	test.setTimeout(180_000);
	work = mkdtempSync(join(tmpdir(), 'cto-prep-update-'));
	served = join(work, 'served');
	serve(BUILD_DIR);
	server = spawn(
		join(PROJECT, 'node_modules/.bin/http-server'),
		[served, '-p', String(PORT), '-a', '127.0.0.1', '-c-1', '--silent'],
		{
			cwd: PROJECT,
			stdio: 'ignore'
		}
	);
	await expect
		.poll(
			() =>
				fetch(ORIGIN).then(
					(r) => r.ok,
					() => false
				),
			{ timeout: 20_000 }
		)
		.toBe(true);
});

test.afterAll(() => {
	server?.kill();
	rmSync(work, { recursive: true, force: true });
});

test('an update never reloads mid-session, and keeps history while adding new items', async ({
	page
}) => {
	test.setTimeout(180_000);
	const versionTwo = buildVersionTwo();

	await page.goto(`${ORIGIN}/study/`);
	await page.evaluate(() => navigator.serviceWorker.ready);
	await page.getByRole('button', { name: 'Study all decks' }).click();
	for (let i = 1; i <= 3; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good/ }).click();
		await expect(page.getByText(`${i} done`)).toBeVisible();
	}
	const before = await stored(page);
	expect(before.cards.map((card) => card.id)).toContain(REWORDED);

	// Version 2 goes live while the learner is mid-session.
	serve(versionTwo);
	await page.evaluate(() => {
		(window as unknown as { marker: string }).marker = 'same page';
	});
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		await registration?.update();
	});
	await expect
		.poll(() =>
			page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))
		)
		.toBe(true);
	// Never offered, never applied in the middle of a session.
	await page.getByRole('button', { name: 'Show answer' }).click();
	await page.getByRole('button', { name: /^Good/ }).click();
	await expect(page.getByText('4 done')).toBeVisible();
	await expect(page.getByTestId('update-banner')).toHaveCount(0);
	expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe(
		'same page'
	);

	// Once the session ends, the update is offered; the learner chooses to reload.
	await page.getByRole('button', { name: 'End session' }).click();
	const banner = page.getByTestId('update-banner');
	await expect(banner).toContainText('Update available');
	await Promise.all([
		page.waitForEvent('load'),
		banner.getByRole('button', { name: 'Reload' }).click()
	]);
	expect(
		await page.evaluate(() => (window as unknown as { marker?: string }).marker)
	).toBeUndefined();

	// The ended session's summary is kept across the reload, until the learner leaves it.
	await page.getByRole('button', { name: 'Back to decks' }).click();
	// The new version's decks are merged: history kept, the reworded card keeps its progress.
	await expect(page.getByRole('region', { name: 'Today' })).toBeVisible();
	await expect
		.poll(async () =>
			(await stored(page)).decks
				.find((deck) => deck.id === 'cto-role')
				?.items.some((item) => item.id === ADDED)
		)
		.toBe(true);
	const after = await stored(page);
	// Every answer is still there: the three before the update and the one given during it.
	expect(after.reviews).toHaveLength(before.reviews.length + 1);
	expect(after.reviews.slice(0, before.reviews.length)).toEqual(before.reviews);
	expect(after.cards.find((card) => card.id === REWORDED)).toEqual(
		before.cards.find((card) => card.id === REWORDED)
	);
	const reworded = after.decks
		.find((deck) => deck.id === 'cto-role')
		?.items.find((item) => item.id === REWORDED);
	expect(reworded?.text).toBe('CTO is short for […].');
});
