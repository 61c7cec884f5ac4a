import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashString } from '$lib/content/hash';
import {
	cardsFromCollection,
	checkApkgSize,
	ImportError,
	initApkgReader,
	MAX_APKG_BYTES,
	MAX_APKG_NOTES,
	readApkg,
	type ImportResult
} from '$lib/import/apkg';

const FIXTURES = join(import.meta.dirname, '../../fixtures/apkg');
const WASM = new Uint8Array(
	readFileSync(join(import.meta.dirname, '../../../node_modules/sql.js/dist/sql-wasm.wasm'))
);

function fixture(name: string): Uint8Array {
	return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** What readApkg refused the file with. */
async function refusal(file: Uint8Array): Promise<ImportError> {
	const error = await readApkg(file).then(
		() => undefined,
		(reason: unknown) => reason
	);
	expect(error).toBeInstanceOf(ImportError);
	return error as ImportError;
}

/** The package the fixtures make from our own notes (tests/fixtures/apkg/make.sh). */
const DECK: ImportResult = {
	name: 'CTO::Architecture',
	cards: [
		{
			key: key('gBasic1'),
			kind: 'basic',
			front: 'What is the CAP theorem?',
			back: 'Consistency, availability,\npartition tolerance & trade-offs',
			tags: ['architecture', 'distributed'],
			line: 1
		},
		{
			key: key('gCloze1-c1'),
			kind: 'cloze',
			text: "[…]'s law: systems mirror the communication structure of their makers",
			answer: 'Conway',
			cloze: 1,
			// The note's "Back Extra", shown on the back of each of its cards.
			extra: 'Melvin Conway, 1967',
			tags: ['people'],
			line: 2
		},
		{
			key: key('gCloze1-c2'),
			kind: 'cloze',
			text: "Conway's law: systems mirror the […] of their makers",
			answer: 'communication structure',
			hint: 'org chart?',
			cloze: 2,
			extra: 'Melvin Conway, 1967',
			tags: ['people'],
			line: 2
		},
		{
			key: key('gMedia1'),
			kind: 'basic',
			front: 'Which diagram?',
			back: 'The triangle',
			tags: [],
			line: 3
		},
		{
			key: key('gScript1'),
			kind: 'basic',
			front: 'Line one\nLine two',
			back: 'Answer',
			tags: ['ops'],
			line: 4
		}
	],
	skipped: [
		{ line: 6, reason: 'it has only one field, and a card needs a front and a back.' },
		{ line: 7, reason: 'the back is empty; a card needs a front and a back.' }
	],
	// Note 5 repeats note 1's front and back.
	duplicates: 1,
	warnings: [
		'2 scripts or styles were left out: a card is only ever text.',
		'2 pictures or sounds were left out: the app keeps only the text of a card.'
	]
};

/** The key of a card of the note with this guid (and cloze number): its history follows the note. */
function key(id: string): string {
	return `note-${hashString(id)}`;
}

beforeAll(async () => {
	await initApkgReader(WASM);
});

describe('readApkg on packages Anki writes', () => {
	it('reads an Anki 2.0 package (collection.anki2, schema 11): HTML to text, clozes, tags, deck', async () => {
		expect(await readApkg(fixture('anki2.apkg'))).toEqual(DECK);
	});

	it('reads collection.anki21 rather than the legacy collection.anki2 beside it', async () => {
		expect(await readApkg(fixture('anki21.apkg'))).toEqual(DECK);
	});

	it('reads a current package (zstd collection.anki21b, schema 18), not its dummy collection.anki2', async () => {
		expect(await readApkg(fixture('anki21b.apkg'))).toEqual(DECK);
	});

	it('gives every card a key from its note, so an updated deck updates the same cards', async () => {
		const first = await readApkg(fixture('anki2.apkg'));
		const again = await readApkg(fixture('anki21b.apkg'));
		expect(again.cards.map((card) => card.key)).toEqual(first.cards.map((card) => card.key));
	});
});

/** What each bad package's refusal must say. A fixture without an entry fails the test. */
const BAD: Record<string, string> = {
	'not-a-zip.apkg': 'This is not an Anki package: an .apkg file is a zip archive',
	'truncated.apkg': 'The package is damaged or incomplete',
	'no-collection.apkg': 'it holds no collection (collection.anki21b',
	'not-sqlite.apkg': "The package's collection is not a SQLite database",
	'no-notes.apkg': "The package's collection has no notes table",
	'bad-zstd.apkg': "The package's collection (collection.anki21b) is damaged",
	'one-field.apkg':
		'No card could be made from this file. Note 1: it has only one field, and a card needs a front and a back.',
	'empty-fields.apkg':
		'No card could be made from this file. Note 1: the front is empty; a card needs a front and a back.',
	'zip-bomb.apkg': "The package's collection would unpack to 3840 MB; at most 256 MB is accepted."
};
const GOOD = ['anki2.apkg', 'anki21.apkg', 'anki21b.apkg'];

describe('readApkg refuses bad packages with a message saying why', () => {
	const names = readdirSync(FIXTURES).filter(
		(name) => name.endsWith('.apkg') && !GOOD.includes(name)
	);

	it('has an expected message for every bad fixture', () => {
		expect(names.sort()).toEqual(Object.keys(BAD).sort());
	});

	it.each(Object.entries(BAD))('%s', async (name, message) => {
		expect((await refusal(fixture(name))).message).toContain(message);
	});

	it('refuses an empty file', async () => {
		expect((await refusal(new Uint8Array())).message).toBe('The file is empty.');
	});

	it('refuses a package over the size limit, naming the limit', async () => {
		const file = new Uint8Array(MAX_APKG_BYTES + 1);
		file.set([0x50, 0x4b, 3, 4]);
		expect((await refusal(file)).message).toContain('at most 100 MB is accepted');
	});

	it('refuses a zstd collection whose header asks for a window past the limit', async () => {
		// Frame header: magic, no single segment, window descriptor 2^30 (1 GB), then nothing sane.
		const frame = new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0x00, 20 << 3, 1, 2, 3, 4, 5, 6]);
		const file = zipSync({ 'collection.anki21b': frame });
		expect((await refusal(file)).message).toContain('unpacks to more than 256 MB');
	});

	it('refuses a package compressed with a method zip readers rarely support (bzip2)', async () => {
		const file = zipSync({ 'collection.anki2': fixture('anki2.apkg') });
		const view = new DataView(file.buffer);
		view.setUint16(8, 12, true);
		for (let i = file.length - 22; i >= 0; i--) {
			if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 10, 12, true);
		}
		expect((await refusal(file)).message).toBe(
			'The package is compressed in a way this app cannot read. Export it again from Anki.'
		);
	});

	it(`refuses a package of more than ${MAX_APKG_NOTES} notes`, async () => {
		const SQL = await initSqlJs({ wasmBinary: WASM.slice().buffer });
		const db = new SQL.Database();
		db.run(`create table notes (id integer primary key, guid text, mid integer, flds text, tags text);
			with recursive n(i) as (select 1 union all select i + 1 from n where i <= ${MAX_APKG_NOTES})
			insert into notes select i, 'g' || i, 1, 'front' || char(31) || 'back', '' from n;`);
		const file = zipSync({ 'collection.anki2': db.export() });
		db.close();
		expect((await refusal(file)).message).toBe(
			'The package holds too many notes (50,001); at most 50,000 are accepted. Export a smaller deck from Anki.'
		);
	});

	it('skips a note whose note type the package lacks, and says so', async () => {
		const SQL = await initSqlJs({ wasmBinary: WASM.slice().buffer });
		const db = new SQL.Database();
		db.run(`create table col (models text, decks text);
			insert into col values ('{"1":{"type":0}}', '{}');
			create table notes (id integer primary key, guid text, mid integer, flds text, tags text);
			insert into notes values (1, 'a', 1, 'Q' || char(31) || 'A', ''), (2, 'b', 9, 'Q2' || char(31) || 'A2', '');`);
		const file = zipSync({ 'collection.anki2': db.export() });
		db.close();
		const result = await readApkg(file);
		expect(result.cards).toMatchObject([{ kind: 'basic', front: 'Q' }]);
		expect(result.skipped).toEqual([
			{ line: 2, reason: 'its note type is missing from the package.' }
		]);
		expect(result.name).toBeUndefined();
	});
});

describe('cardsFromCollection', () => {
	const note = { guid: 'g', tags: [], kind: 'cloze' as const };

	it('skips image occlusion notes, whose deletions are shapes on an image', () => {
		const result = cardsFromCollection({
			notes: [
				{ ...note, fields: ['{{c1::image-occlusion:rect:left=.1:top=.2}}', ''] },
				{ ...note, guid: 'h', fields: ['{{c1::Paris}} is the capital', ''] }
			]
		});
		expect(result.cards).toMatchObject([{ kind: 'cloze', text: '[…] is the capital' }]);
		expect(result.skipped).toEqual([
			{ line: 1, reason: 'it is an image occlusion note, which needs its image.' }
		]);
	});

	it('skips a cloze note without deletions and one whose deletions are empty', () => {
		const result = cardsFromCollection({
			notes: [
				{ ...note, fields: ['plain text', ''] },
				{ ...note, guid: 'e', fields: ['{{c1::}} gap', ''] },
				{ ...note, guid: 'k', fields: ['{{c1::kept}}', ''] }
			]
		});
		expect(result.skipped.map((skip) => skip.reason)).toEqual([
			'it is a cloze note without a cloze deletion such as {{c1::…}}.',
			'cloze c1 hides nothing.'
		]);
		expect(result.cards).toHaveLength(1);
	});
});

describe('checkApkgSize', () => {
	it('refuses a file over the limit before it is read', () => {
		expect(() => checkApkgSize(MAX_APKG_BYTES + 1)).toThrow(ImportError);
		expect(() => checkApkgSize(MAX_APKG_BYTES)).not.toThrow();
	});
});
