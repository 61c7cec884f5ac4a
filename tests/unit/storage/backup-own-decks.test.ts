import { describe, expect, it } from 'vitest';
import { serializeBackup } from '$lib/backup/file';
import { parseBackup } from '$lib/backup/parse';
import { NOTES_EXAMPLE } from '$lib/import/notes-example';
import { editedOwnCard, ownDeck, ownNotesDeck, type OwnDeck } from '$lib/import/own-deck';
import { readOwnNotes } from '$lib/import/own-notes';
import type { ImportedBasicCard } from '$lib/import/types';
import { exportProgress, importProgress } from '$lib/storage/backup';
import { loadCardStates } from '$lib/storage/cards';
import { loadDecks, storeDeck } from '$lib/storage/decks';
import type { StudyDatabase } from '$lib/storage/db';
import { recordAnswer } from '$lib/state/answers';
import { Rating } from '$lib/srs/types';
import { deckFrom, TERMS } from '../content/notes';
import { deviceContents, freshDB, importText, reviewsOfCard } from './db';

const NOW = Date.UTC(2026, 10, 23, 9, 0);
const HOUR = 3_600_000;

const cards: ImportedBasicCard[] = [
	{
		key: 'stack',
		kind: 'basic',
		front: 'Our stack?',
		back: 'Go <b>and</b> Postgres.',
		tags: [],
		line: 1
	},
	{ key: 'size', kind: 'basic', front: 'Team size?', back: 'About 120.', tags: [], line: 2 }
];

function acme(updatedAt = NOW, items = cards): OwnDeck {
	return ownDeck(
		{ id: 'own-acme', title: 'Acme', file: 'acme.csv', order: 1000, now: updatedAt },
		items
	);
}

/** A device with the site's deck stored, and optionally an own deck answered once per card. */
async function device(own?: OwnDeck): Promise<StudyDatabase> {
	const db = await freshDB();
	await storeDeck(db, deckFrom(TERMS), NOW);
	if (own) {
		await storeDeck(db, own, NOW);
		for (const item of own.items) {
			await recordAnswer(db, {
				card: { id: item.id, deck: own.id },
				grade: Rating.Good,
				mode: 'review',
				now: NOW,
				durationMs: 1000,
				params: { retention: 0.9, fuzz: false }
			});
		}
	}
	return db;
}

describe('own decks in a backup', () => {
	it('come back on another device with their cards studied and their history', async () => {
		const db = await device(acme());
		const text = serializeBackup(await exportProgress(db, NOW + HOUR));
		const other = await device();
		const summary = await importProgress(other, parseBackup(text, NOW + HOUR));
		expect(summary.ownDecks).toBe(1);
		const stored = (await loadDecks(other)).find((deck) => deck.id === 'own-acme');
		expect(stored?.own).toEqual({ file: 'acme.csv', createdAt: NOW, updatedAt: NOW });
		// A backup holds no markup: the card's text comes back neutralized, as typed notes do.
		expect(stored?.items[0]).toMatchObject({ back: 'Go ‹b>and‹/b> Postgres.' });
		const states = await loadCardStates(other);
		for (const item of acme().items) {
			expect(states.get(item.id)?.retired).toBe(false);
			expect(await reviewsOfCard(other, item.id)).toHaveLength(1);
		}
	});

	it('own notes come back whole, their ask blocks too, though a backup holds no markup', async () => {
		const built = readOwnNotes({ name: 'mine.md', text: NOTES_EXAMPLE }).deck!;
		const notes = ownNotesDeck(built, {
			text: NOTES_EXAMPLE,
			file: 'mine.md',
			order: 1000,
			now: NOW
		});
		const text = serializeBackup(await exportProgress(await device(notes), NOW + HOUR));
		expect(text).not.toContain('<!-- ask');
		const other = await device();
		expect((await importProgress(other, parseBackup(text, NOW + HOUR))).ownDecks).toBe(1);
		const stored = (await loadDecks(other)).find((deck) => deck.id === 'own-my-notes');
		expect(stored?.own).toEqual({
			file: 'mine.md',
			createdAt: NOW,
			updatedAt: NOW,
			notes: NOTES_EXAMPLE
		});
		expect(stored?.items.map((item) => item.id)).toEqual(built.items.map((item) => item.id));
	});

	it('notes that are not base64 of UTF-8 text are refused, and nothing changes', async () => {
		const built = readOwnNotes({ name: 'mine.md', text: NOTES_EXAMPLE }).deck!;
		const notes = ownNotesDeck(built, {
			text: NOTES_EXAMPLE,
			file: 'mine.md',
			order: 1000,
			now: NOW
		});
		const db = await device(notes);
		const file = JSON.parse(serializeBackup(await exportProgress(db, NOW + HOUR)));
		const deck = file.ownDecks[0];
		const before = await deviceContents(db, NOW + HOUR);
		for (const notesBase64 of ['not base64!', btoa('\xff\xfe'), 42, btoa('x'.repeat(500_001))]) {
			const ownDecks = [{ ...deck, own: { ...deck.own, notesBase64 } }];
			await expect(
				importText(db, JSON.stringify({ ...file, ownDecks }), NOW + HOUR)
			).rejects.toThrow(/notesBase64 .*must be notes (in base64|of at most 500,000 characters)/);
			expect(await deviceContents(db, NOW + HOUR)).toEqual(before);
		}
	});

	it('keep what was edited in the app, so that a later import of the file finds the card', async () => {
		const base = acme();
		const edited = editedOwnCard(
			base,
			base.items[1]!.id,
			{ kind: 'basic', front: 'How big is the team?', back: 'About 120.' },
			NOW
		);
		expect(Object.values(edited.own.aliases ?? {})).toEqual([base.items[1]!.id]);
		const text = serializeBackup(await exportProgress(await device(edited), NOW + HOUR));
		const other = await device();
		await importProgress(other, parseBackup(text, NOW + HOUR));
		const stored = (await loadDecks(other)).find((deck) => deck.id === 'own-acme');
		expect(stored?.own?.aliases).toEqual(edited.own.aliases);

		const file = JSON.parse(text);
		const [deck] = file.ownDecks;
		const ownDecks = [{ ...deck, own: { ...deck.own, aliases: { 'cto-role/a/b/basic': 'x/y' } } }];
		await expect(
			importText(other, JSON.stringify({ ...file, ownDecks }), NOW + HOUR)
		).rejects.toThrow(/another deck|card id|item id/);
	});

	it('keep a newer edit on this device, and own decks the file does not have', async () => {
		const newer = acme(NOW + HOUR, [cards[1]!]);
		const text = serializeBackup(await exportProgress(await device(acme()), NOW + 2 * HOUR));
		const db = await device(newer);
		await storeDeck(
			db,
			ownDeck({ id: 'own-mine', title: 'Mine', file: 'm.txt', order: 1001, now: NOW }, cards),
			NOW
		);
		const summary = await importProgress(db, parseBackup(text, NOW + 2 * HOUR));
		expect(summary.ownDecks).toBe(0);
		const decks = await loadDecks(db);
		expect(decks.find((deck) => deck.id === 'own-acme')?.items).toHaveLength(1);
		expect(decks.map((deck) => deck.id)).toContain('own-mine');
	});

	it('a deck that is not an own deck, holds another deck’s items or markup is refused, and nothing changes', async () => {
		const db = await device(acme());
		const file = JSON.parse(serializeBackup(await exportProgress(db, NOW + HOUR)));
		const deck = file.ownDecks[0];
		const item = deck.items[0];
		const refused: [unknown, RegExp][] = [
			[[{ ...deck, id: 'cto-role' }], /starting with "own-"/],
			[[{ ...deck, items: [{ ...item, id: 'cto-role/x/y/basic' }] }], /another deck/],
			[
				[{ ...deck, items: [{ ...item, front: '<img src=x onerror=alert(1)>' }] }],
				/HTML or a script/
			],
			[[{ ...deck, own: { ...deck.own, extra: 1 } }], /does not have|extra/],
			[[deck, deck], /two decks with one id/],
			[{ deck }, /must be a list of your own decks/]
		];
		const before = await deviceContents(db, NOW + HOUR);
		for (const [ownDecks, why] of refused) {
			const text = JSON.stringify({ ...file, ownDecks });
			await expect(
				importText(db, text, NOW + HOUR),
				JSON.stringify(ownDecks).slice(0, 60)
			).rejects.toThrow(why);
			expect(await deviceContents(db, NOW + HOUR)).toEqual(before);
		}
	});
});
