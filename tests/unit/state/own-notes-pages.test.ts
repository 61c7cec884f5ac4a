import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTES_EXAMPLE } from '$lib/import/notes-example';
import type { ExportedDeck } from '$lib/export';
import { loadCardStates } from '$lib/storage/cards';
import { app } from '$lib/state/app.svelte';
import { ImportPage } from '$lib/state/import-page.svelte';
import { inThread } from '$lib/state/import-reader';
import { InterviewPage } from '$lib/state/interview-page.svelte';
import { QuizPage } from '$lib/state/quiz-page.svelte';
import { reviewsOfCard } from '../storage/db';
import { answeredGood, freshDevice, mounted } from './site';

const NOW = Date.UTC(2026, 10, 29, 9, 0);
const ID = 'own-my-notes';

let leaves: (() => void)[] = [];

async function importPage(): Promise<ImportPage> {
	const { page, leave } = await mounted(new ImportPage(inThread));
	leaves.push(leave);
	return page;
}

/** The example notes, checked and saved from the import page. */
async function savedExample(): Promise<ImportPage> {
	const page = await importPage();
	page.notes.text = NOTES_EXAMPLE;
	page.notes.name = 'my-notes.md';
	await page.notes.save();
	expect(page.notes.problem).toBeNull();
	return page;
}

beforeEach(async () => {
	await freshDevice();
	vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

afterEach(() => {
	for (const leave of leaves) leave();
	leaves = [];
	vi.useRealTimers();
});

describe('own notes on the import page', () => {
	it('checks pasted notes and says what they make, storing nothing until saved', async () => {
		const page = await importPage();
		const before = app.decks.map((deck) => deck.id);
		page.notes.text = NOTES_EXAMPLE;
		await page.notes.check();
		expect(page.notes.made).toEqual({ cards: 7, quiz: expect.any(Number), interview: 1 });
		expect(page.notes.made!.quiz).toBeGreaterThanOrEqual(3);
		expect(app.decks.map((deck) => deck.id)).toEqual(before);

		await page.notes.save();
		expect(page.notes.done).toMatchObject({ title: 'My notes', updated: false });
		const deck = page.ownDecks.find((own) => own.id === ID);
		expect(deck?.own.notes).toBe(NOTES_EXAMPLE);
		expect(page.notes.done?.changes.added).toHaveLength(deck!.items.length);
	});

	it('notes with problems are listed by line and nothing is stored, even on save', async () => {
		const page = await importPage();
		const before = app.decks.map((deck) => deck.id);
		page.notes.text = NOTES_EXAMPLE.replace('title: My notes\n', '');
		await page.notes.save();
		expect(page.notes.outcome?.issues).toEqual([
			{ file: 'notes.md', line: 1, message: 'missing frontmatter field "title"' }
		]);
		expect(page.notes.done).toBeNull();
		expect(app.decks.map((deck) => deck.id)).toEqual(before);
	});

	it('corrected notes update the deck in place: answered items keep their history, removed ones retire', async () => {
		const page = await savedExample();
		const db = await app.ready();
		const kept = `${ID}/the-strategic-roles/technology-strategy/basic`;
		const removed = `${ID}/the-strategic-roles/managing-the-technical-team/basic`;
		await answeredGood(db, kept, NOW);

		page.notes.edit(page.ownDecks.find((deck) => deck.id === ID)!);
		expect(page.notes.text).toBe(NOTES_EXAMPLE);
		page.notes.text = NOTES_EXAMPLE.replace(/^- \*\*Managing the technical team\*\*.*\n/m, '');
		await page.notes.check();
		expect(page.notes.target?.id).toBe(ID);
		await page.notes.save();
		expect(page.notes.done?.updated).toBe(true);
		expect(page.notes.done?.changes.retired).toContain(removed);
		const states = await loadCardStates(db);
		expect(states.get(kept)?.retired).toBe(false);
		expect(states.get(kept)?.reps).toBe(1);
		expect(await reviewsOfCard(db, kept)).toHaveLength(1);
		expect(app.decks.filter((deck) => deck.id === ID)).toHaveLength(1);
	});

	it('notes with the deck id of other saved notes show that they update them before saving', async () => {
		await savedExample();
		const page = await importPage();
		page.notes.text = NOTES_EXAMPLE.replace('Why now', 'Why now, again');
		await page.notes.save();
		// Shown first, not stored: "…and updates your deck".
		expect(page.notes.done).toBeNull();
		expect(page.notes.target?.id).toBe(ID);
		expect(app.decks.find((deck) => deck.id === ID)?.own?.notes).toBe(NOTES_EXAMPLE);
		await page.notes.save();
		expect(page.notes.done?.updated).toBe(true);
		expect(app.decks.find((deck) => deck.id === ID)?.own?.notes).toMatch(/Why now, again/);
	});

	it('asks before the example or a deck’s notes replace text not saved', async () => {
		const page = await importPage();
		page.notes.text = 'My draft';
		page.notes.replace({ text: NOTES_EXAMPLE, name: 'my-notes.md', editing: null });
		expect(page.notes.text).toBe('My draft');
		expect(page.notes.pendingReplace).not.toBeNull();
		page.notes.cancelReplace();
		expect(page.notes.text).toBe('My draft');
		page.notes.replace({ text: NOTES_EXAMPLE, name: 'my-notes.md', editing: null });
		page.notes.confirmReplace();
		expect(page.notes.text).toBe(NOTES_EXAMPLE);
		expect(page.notes.pendingReplace).toBeNull();
		// What was just put in the form is not "unsaved": replacing it asks nothing.
		page.notes.replace({ text: 'Other', name: 'o.md', editing: null });
		expect(page.notes.text).toBe('Other');
	});

	it('notes whose deck id an imported deck has are refused with the way out', async () => {
		const page = await importPage();
		await page.pick(new File(['Front\tBack\nQ\tA\n'], 'my-notes.tsv'));
		page.title = 'My notes';
		await page.save();
		expect(page.ownDecks.map((deck) => deck.id)).toEqual([ID]);
		page.notes.text = NOTES_EXAMPLE;
		await page.notes.save();
		expect(page.notes.clash).toMatch(/already has the id “own-my-notes”: give these notes another/);
		expect(page.notes.done).toBeNull();
		expect(app.decks.find((deck) => deck.id === ID)?.items).toHaveLength(1);
	});

	it('exports the notes back as the Markdown file they were', async () => {
		const page = await savedExample();
		page.exportChoice = ID;
		let file: ExportedDeck | null = null;
		await page.exportDeck('markdown', (saved) => (file = saved));
		expect(file).toEqual({
			text: NOTES_EXAMPLE,
			name: 'my-notes.md',
			type: 'text/markdown',
			cards: 7
		});
		// A deck of imported cards has no notes to give: said, and no file.
		await page.pick(new File(['Front\tBack\nQ\tA\n'], 'plain.tsv'));
		page.title = 'Plain';
		await page.save();
		page.exportChoice = 'own-plain';
		file = null;
		await page.exportDeck('markdown', (saved) => (file = saved));
		expect(file).toBeNull();
		expect(page.error).toBe(
			'“Plain” was not exported: it holds cards from a file, not notes of your own: export it for Anki or as CSV.'
		);
	});
});

describe('own notes on the other pages', () => {
	it('make quiz questions: the deck is a quiz scope and a quiz of it asks only its questions', async () => {
		await savedExample();
		const { page, leave } = await mounted(new QuizPage());
		leaves.push(leave);
		expect(page.decks.map((deck) => deck.id)).toContain(ID);
		expect(page.scores.map((score) => score.id)).toContain(ID);
		page.scope = ID;
		page.length = 'all';
		await page.startWithOptions();
		expect(page.error).toBeNull();
		const questions = page.session?.questions ?? [];
		expect(questions.length).toBeGreaterThan(0);
		expect(questions.every((item) => item.id.startsWith(`${ID}/`))).toBe(true);
	});

	it('an imported deck of plain cards is no quiz scope', async () => {
		const page = await importPage();
		await page.pick(new File(['Front\tBack\nQ\tA\n'], 'plain.tsv'));
		page.title = 'Plain';
		await page.save();
		const { page: quiz, leave } = await mounted(new QuizPage());
		leaves.push(leave);
		expect(quiz.decks.map((deck) => deck.id)).not.toContain('own-plain');
	});

	it('give interview questions to practise', async () => {
		await savedExample();
		const { page, leave } = await mounted(new InterviewPage());
		leaves.push(leave);
		const mine = page.questions.filter((item) => item.id.startsWith(`${ID}/`));
		expect(mine.map((item) => item.question)).toEqual(['Why would our company need a CTO now?']);
	});
});
