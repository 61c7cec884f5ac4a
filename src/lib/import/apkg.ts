import { unpackCollection } from './apkg-archive';
import { clozeCard, clozeNumbers } from './apkg-cloze';
import { loadSqlite, readCollection, type AnkiCollection, type AnkiNote } from './apkg-collection';
import { fieldText } from './apkg-text';
import type { ImportedCard, ImportResult } from './apkg-types';
import { ImportError } from './errors';

export { checkApkgSize, MAX_APKG_BYTES, MAX_COLLECTION_BYTES } from './apkg-archive';
export { MAX_APKG_NOTES } from './apkg-collection';
export { ImportError } from './errors';
export type { ImportedCard, ImportResult } from './apkg-types';

let wasm: string | Uint8Array | undefined;

/** Anki's image occlusion notes are cloze notes whose deletions are shapes drawn on an image. */
const IMAGE_OCCLUSION = /\{\{c\d+::image-occlusion:/;

/**
 * Loads the package reader's SQLite (WebAssembly); call it before `readApkg`. In the browser pass
 * its URL on the app's own origin (`import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url'`); in Node,
 * the file's bytes.
 * @throws ImportError when the WebAssembly cannot be fetched (offline before it was ever cached)
 */
export async function initApkgReader(wasmUrlOrBytes: string | Uint8Array): Promise<void> {
	wasm = wasmUrlOrBytes;
	await loadSqlite(wasmUrlOrBytes);
}

/**
 * Reads an Anki package (.apkg) into cards: the first two fields of each note as front and back,
 * as plain text, and one card per cloze number of a cloze note. Reads `collection.anki21b` (Anki
 * 2.1.50 and later: schema 18, zstd) when the package has one, else `collection.anki21`, else
 * `collection.anki2` (schema 11). Media are left out, with a warning when notes refer to them.
 * Nothing is stored: the caller stores the result, or nothing when this throws.
 * @param file the package's bytes
 * @throws ImportError saying why the package was refused (too large, not a zip, damaged, no
 *   collection, not SQLite, no notes, too many notes, or no note that makes a card)
 */
export async function readApkg(file: Uint8Array): Promise<ImportResult> {
	if (wasm === undefined) throw new Error('initApkgReader must be called before readApkg.');
	const { sqlite } = unpackCollection(file);
	const sql = await loadSqlite(wasm);
	return cardsFromCollection(readCollection(sql, sqlite));
}

/** The cards a collection's notes make, in note order, with what was left out and why. */
export function cardsFromCollection(collection: AnkiCollection): ImportResult {
	const cards: ImportedCard[] = [];
	const skipped: ImportResult['skipped'] = [];
	const seen = new Set<string>();
	let duplicates = 0;
	let withMedia = 0;
	collection.notes.forEach((note, index) => {
		const line = index + 1;
		const made = noteCards(note, line);
		if (made.media) withMedia++;
		if ('reason' in made) {
			skipped.push({ line, reason: made.reason });
			return;
		}
		for (const card of made.cards) {
			const content = `${card.kind}\0${card.front}\0${card.back}`;
			if (seen.has(card.key) || seen.has(content)) {
				duplicates++;
				continue;
			}
			seen.add(card.key).add(content);
			cards.push(card);
		}
	});
	if (cards.length === 0) {
		const first = skipped[0];
		throw new ImportError(
			first
				? `The package holds no note that makes a card. Note ${first.line}: ${first.reason}.`
				: 'The package holds no note that makes a card.',
			first?.line
		);
	}
	const warnings: string[] = [];
	if (withMedia > 0) {
		warnings.push(
			`${withMedia === 1 ? 'One note refers' : `${withMedia} notes refer`} to images or sounds: only text is imported, so they were left out.`
		);
	}
	return { name: collection.deck, cards, skipped, duplicates, warnings };
}

type NoteCards = { cards: ImportedCard[]; media: boolean } | { reason: string; media: boolean };

function noteCards(note: AnkiNote, line: number): NoteCards {
	const [first = '', second] = note.fields;
	const front = fieldText(first);
	const back = fieldText(second ?? '');
	const media = front.media || back.media;
	if (note.kind === undefined) {
		return { reason: 'its note type is missing from the package', media };
	}
	if (note.kind === 'cloze') return clozeCards(note, line, front.text, back.text, media);
	if (second === undefined) {
		return { reason: 'it has only one field, and a card needs a front and a back', media };
	}
	if (front.text === '') return { reason: emptyReason('front', front.media), media };
	if (back.text === '') return { reason: emptyReason('back', back.media), media };
	const card: ImportedCard = {
		key: note.guid,
		kind: 'basic',
		front: front.text,
		back: back.text,
		tags: note.tags,
		line
	};
	return { cards: [card], media };
}

function clozeCards(
	note: AnkiNote,
	line: number,
	text: string,
	extra: string,
	media: boolean
): NoteCards {
	if (text === '') return { reason: emptyReason('cloze text', media), media };
	if (IMAGE_OCCLUSION.test(text)) {
		return { reason: 'it is an image occlusion note, which needs its image', media: true };
	}
	const numbers = clozeNumbers(text);
	if (numbers.length === 0) {
		return { reason: 'it is a cloze note without a cloze deletion such as {{c1::…}}', media };
	}
	const cards: ImportedCard[] = [];
	for (const n of numbers) {
		const { front, back } = clozeCard(text, n);
		if (back === '') continue;
		cards.push({
			key: `${note.guid}:c${n}`,
			kind: 'cloze',
			front,
			back: extra === '' ? back : `${back}\n\n${extra}`,
			tags: note.tags,
			line
		});
	}
	if (cards.length === 0) return { reason: 'its cloze deletions are all empty', media };
	return { cards, media };
}

function emptyReason(side: string, media: boolean): string {
	return media
		? `its ${side} holds only an image or a sound, and media are not imported`
		: `its ${side} is empty`;
}
