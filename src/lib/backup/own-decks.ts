import * as v from 'valibot';
import { isOwnDeckId } from '$lib/content/ids';
import { DeckSchema } from '$lib/content/schema';
import type { Deck } from '$lib/content/types';
import type { OwnDeckInfo } from '$lib/import/own-deck';
import { MAX_NOTES_CHARACTERS } from '$lib/import/types';
import { neutralizeMarkup } from '$lib/markup';
import { deckId, itemId, time } from './fields';
import { newerByKey } from './merge';

// The learner's own decks (imported cards) in a backup: they exist nowhere else, so a backup that
// left them out would leave their history without the cards it is of.

/** The most own decks a backup may hold. */
export const MAX_OWN_DECKS = 500;

/** The most items all own decks of a backup may hold together. */
export const MAX_OWN_ITEMS = 200_000;

/** The longest notes in base64: UTF-8 takes at most 3 bytes a character, base64 4 for every 3. */
const MAX_NOTES_BASE64 = 4 * MAX_NOTES_CHARACTERS;

/** An own deck as a backup holds it: a deck as the site publishes one, and what is kept of it. */
export const OwnDeckRecordSchema = v.pipe(
	v.object({
		...DeckSchema.entries,
		id: v.pipe(
			deckId,
			v.check(isOwnDeckId, 'must be the id of a deck of your own (starting with "own-")')
		),
		own: v.strictObject(
			{
				file: v.pipe(
					v.string('must be a file name (text)'),
					v.maxLength(300, 'must be at most 300 characters long')
				),
				createdAt: time,
				updatedAt: time,
				// Own notes hold markup a backup refuses anywhere else (their `<!-- ask -->` blocks):
				// they go as base64, and are only ever read by the generator again or saved as a file.
				notesBase64: v.optional(
					v.pipe(
						v.string('must be notes in base64 (text)'),
						v.maxLength(
							MAX_NOTES_BASE64,
							`must be notes of at most ${MAX_NOTES_CHARACTERS.toLocaleString('en-GB')} characters`
						),
						v.check((text) => fromBase64(text) !== null, 'must be notes in base64 (UTF-8 text)'),
						v.check(
							(text) => (fromBase64(text)?.length ?? 0) <= MAX_NOTES_CHARACTERS,
							`must be notes of at most ${MAX_NOTES_CHARACTERS.toLocaleString('en-GB')} characters`
						)
					)
				),
				// Cards edited in the app: the id the edited text would get, and the id kept.
				aliases: v.optional(
					v.pipe(
						v.record(itemId, itemId, 'must map card ids to card ids'),
						v.check(
							(aliases) => Object.keys(aliases).length <= MAX_OWN_ITEMS,
							`must hold at most ${MAX_OWN_ITEMS.toLocaleString('en-GB')} edited cards`
						)
					)
				)
			},
			'must say where the deck came from (an object)'
		)
	}),
	v.check(
		(deck) =>
			deck.items.every((item) => item.id.startsWith(`${deck.id}/`)) &&
			Object.entries(deck.own.aliases ?? {}).every(([from, to]) =>
				[from, to].every((id) => id.startsWith(`${deck.id}/`))
			),
		'holds an item of another deck'
	)
);

/** The own decks section of a backup: absent in files made before own decks were kept. */
export const OwnDecksSchema = v.pipe(
	v.array(OwnDeckRecordSchema, 'must be a list of your own decks'),
	v.maxLength(MAX_OWN_DECKS, `must hold at most ${MAX_OWN_DECKS} decks`),
	v.check(
		(decks) => new Set(decks.map((deck) => deck.id)).size === decks.length,
		'holds two decks with one id'
	),
	v.check(
		(decks) => decks.reduce((sum, deck) => sum + deck.items.length, 0) <= MAX_OWN_ITEMS,
		`must hold at most ${MAX_OWN_ITEMS.toLocaleString('en-GB')} cards in all`
	)
);

/**
 * An own deck as a backup holds it, as checked: a Deck once stored (`counts` is checked as any
 * record of numbers, as for a deck from the site, see parseDeck).
 */
export type BackupOwnDeck = v.InferOutput<typeof OwnDeckRecordSchema>;

/** A checked own deck as the decks store keeps it (its notes as text again). */
export function asOwnDeck(deck: BackupOwnDeck): Deck & { own: OwnDeckInfo } {
	const { notesBase64, ...own } = deck.own;
	const notes = notesBase64 === undefined ? null : fromBase64(notesBase64);
	return { ...(deck as unknown as Deck), own: notes === null ? own : { ...own, notes } };
}

/** Text as base64 of its UTF-8 bytes. */
export function toBase64(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (let at = 0; at < bytes.length; at += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
	}
	return btoa(binary);
}

/** The text base64 holds, or null when it is not base64 of UTF-8 text. */
export function fromBase64(base64: string): string | null {
	try {
		const binary = atob(base64);
		const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return null;
	}
}

/**
 * The own decks to store from a backup: the file's, except where this device has a newer edit of
 * the same deck (by `own.updatedAt`, a tie keeping the device's); own decks only on this device stay.
 */
export function ownDecksToStore(
	device: readonly Pick<BackupOwnDeck, 'id' | 'own'>[],
	file: readonly BackupOwnDeck[]
): BackupOwnDeck[] {
	return newerByKey(
		new Map(device.map((deck) => [deck.id, deck.own.updatedAt])),
		file,
		(deck) => deck.id,
		(deck) => deck.own.updatedAt
	).taken;
}

/**
 * The own decks among the decks stored on this device, as a backup holds them: without when they
 * were stored, every text's markup neutralized (see neutralizeMarkup: a backup never holds any).
 */
export function ownDecksForBackup(
	decks: readonly (Deck & { own?: OwnDeckInfo; fetchedAt?: number })[]
): BackupOwnDeck[] {
	return decks
		.filter((deck): deck is Deck & { own: OwnDeckInfo; fetchedAt?: number } => !!deck.own)
		.map(({ fetchedAt: _stored, own: { notes, ...own }, ...deck }) =>
			JSON.parse(
				JSON.stringify(
					{ ...deck, own: notes === undefined ? own : { ...own, notesBase64: toBase64(notes) } },
					(_key, value: unknown) => (typeof value === 'string' ? neutralizeMarkup(value) : value)
				)
			)
		);
}
