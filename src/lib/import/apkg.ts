import { unpackCollection } from './apkg-archive';
import { hasCloze } from './cloze';
import { CardCollector } from './collect';
import { loadSqlite, readCollection, type AnkiCollection } from './apkg-collection';
import type { ImportResult } from './types';

export { MAX_COLLECTION_BYTES } from './apkg-archive';
export { checkApkgSize, MAX_APKG_BYTES } from './size';
export { MAX_APKG_NOTES } from './apkg-collection';
export { ImportError } from './errors';
export type { ImportedCard, ImportResult } from './types';

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

/**
 * The cards a collection's notes make, in note order, with what was left out and why: the first
 * two fields of a note (HTML turned into text) as front and back, one card per cloze number of a
 * cloze note, keyed by the note's guid so an updated deck updates the same cards.
 * @throws ImportError when no note makes a card
 */
export function cardsFromCollection(collection: AnkiCollection): ImportResult {
	const collector = new CardCollector('Note');
	collection.notes.forEach((note, index) => {
		const line = index + 1;
		const [first = '', second] = note.fields;
		if (note.kind === undefined) {
			collector.skip(line, 'its note type is missing from the package.');
		} else if (note.kind === 'cloze' && IMAGE_OCCLUSION.test(first)) {
			collector.skip(line, 'it is an image occlusion note, which needs its image.');
		} else if (note.kind === 'cloze' && !hasCloze(first)) {
			collector.skip(line, 'it is a cloze note without a cloze deletion such as {{c1::…}}.');
		} else if (note.kind === 'basic' && second === undefined) {
			collector.skip(line, 'it has only one field, and a card needs a front and a back.');
		} else {
			// A cloze note's second field is Anki's "Back Extra", kept on each of its cards.
			collector.add({
				front: first,
				back: second ?? '',
				tags: note.tags,
				line,
				html: true,
				id: note.guid
			});
		}
	});
	return collector.result(collection.deck);
}
