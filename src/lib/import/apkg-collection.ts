import initSqlJs, { type Database, type SqlJsStatic, type SqlValue } from 'sql.js';
import * as v from 'valibot';
import { ImportError } from './errors';

/** The most notes read from one package. */
export const MAX_APKG_NOTES = 50_000;

/** A note as an Anki collection keeps it, its fields still HTML. */
export interface AnkiNote {
	guid: string;
	fields: string[];
	tags: string[];
	/** Its note type's kind, or undefined when the package lacks the note type. */
	kind: 'basic' | 'cloze' | undefined;
}

/** What the importer reads from a collection: its notes in order and the deck most cards are in. */
export interface AnkiCollection {
	deck?: string;
	notes: AnkiNote[];
}

const SQLITE_HEADER = 'SQLite format 3\0';
/** Anki's field separator in `notes.flds`, and its deck-name separator in schema 18's `decks.name`. */
const SEPARATOR = '\x1f';

/** `col.models` in schema 11: note types by id; `type` 1 is cloze (MODEL_CLOZE in ankitects/anki pylib/anki/consts.py). */
const ModelsSchema = v.record(v.string(), v.looseObject({ type: v.optional(v.number()) }));
/** `col.decks` in schema 11: decks by id, their names with `::` between levels. */
const DecksSchema = v.record(v.string(), v.looseObject({ name: v.optional(v.string()) }));

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads SQLite (sql.js, WebAssembly) once. `wasm` is the WebAssembly's URL (in the browser, on the
 * app's own origin: `import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url'`) or its bytes. It is
 * fetched here rather than by sql.js, whose failed fetch aborts with an unhandled rejection.
 * @throws ImportError when the WebAssembly cannot be fetched or started (offline before it was ever cached)
 */
export async function loadSqlite(wasm: string | Uint8Array): Promise<SqlJsStatic> {
	loading ??= (async () => {
		const bytes = typeof wasm === 'string' ? await fetchWasm(wasm) : wasm;
		return initSqlJs({ wasmBinary: bytes.slice().buffer });
	})();
	try {
		return await loading;
	} catch (error) {
		// Not kept, so that trying again once online can succeed.
		loading = undefined;
		throw new ImportError(
			'The Anki package reader could not be loaded. Connect to the internet once and try again.',
			undefined,
			{ cause: error }
		);
	}
}

async function fetchWasm(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return new Uint8Array(await response.arrayBuffer());
}

/**
 * Reads the notes, their note types and the main deck's name from a collection (schema 11 or 18).
 * @throws ImportError when the bytes are not SQLite, not an Anki collection, damaged, or hold no
 *   notes or more than MAX_APKG_NOTES
 */
export function readCollection(sql: SqlJsStatic, bytes: Uint8Array): AnkiCollection {
	const header = new TextDecoder('latin1').decode(bytes.subarray(0, SQLITE_HEADER.length));
	if (header !== SQLITE_HEADER) {
		throw new ImportError(
			"The package's collection is not a SQLite database, so it is not an Anki collection or it is damaged. Export it again from Anki."
		);
	}
	let db: Database | undefined;
	try {
		db = new sql.Database(bytes);
		return readNotes(db);
	} catch (error) {
		if (error instanceof ImportError) throw error;
		throw new ImportError(
			"The package's collection is damaged: SQLite could not read it. Export it again from Anki.",
			undefined,
			{ cause: error }
		);
	} finally {
		db?.close();
	}
}

function readNotes(db: Database): AnkiCollection {
	const tables = new Set(
		column(db, "select name from sqlite_master where type = 'table'").map(String)
	);
	if (!tables.has('notes')) {
		throw new ImportError(
			"The package's collection has no notes table, so it is not an Anki collection. Export it again from Anki."
		);
	}
	const count = Number(column(db, 'select count(*) from notes')[0]);
	if (count === 0) throw new ImportError('The package holds no notes.');
	if (count > MAX_APKG_NOTES) {
		throw new ImportError(
			`The package holds too many notes (${count.toLocaleString('en')}); at most ${MAX_APKG_NOTES.toLocaleString('en')} are accepted. Export a smaller deck from Anki.`
		);
	}
	const kinds = tables.has('notetypes') ? noteTypes18(db) : noteTypes11(db, tables);
	const notes: AnkiNote[] = [];
	const statement = db.prepare('select guid, mid, flds, tags from notes order by id');
	try {
		while (statement.step()) {
			const [guid, mid, flds, tags] = statement.get();
			notes.push({
				guid: String(guid),
				fields: String(flds ?? '').split(SEPARATOR),
				tags: String(tags ?? '')
					.split(/\s+/)
					.filter((tag) => tag !== ''),
				kind: kinds.get(Number(mid))
			});
		}
	} finally {
		statement.free();
	}
	return { deck: deckName(db, tables), notes };
}

/** Note types of schema 11, from the JSON in `col.models`. */
function noteTypes11(db: Database, tables: Set<string>): Map<number, 'basic' | 'cloze'> {
	const kinds = new Map<number, 'basic' | 'cloze'>();
	if (!tables.has('col')) return kinds;
	const models = v.safeParse(ModelsSchema, parseJson(column(db, 'select models from col')[0]));
	if (!models.success) return kinds;
	for (const [id, model] of Object.entries(models.output)) {
		kinds.set(Number(id), model.type === 1 ? 'cloze' : 'basic');
	}
	return kinds;
}

/**
 * Note types of schema 18, from the `notetypes` table. Their kind is field 1 of the `config` blob
 * (`Notetype.Config.kind`, KIND_CLOZE = 1, in ankitects/anki proto/anki/notetypes.proto), which is
 * how Anki itself tells cloze from normal; its encoder (prost) writes fields in order and leaves out
 * a zero kind, so a cloze type's blob starts with that field, 0x08 0x01. The `templates` table is
 * not read: it is WITHOUT ROWID with a column in Anki's own collation (unicase), which SQLite
 * outside Anki cannot scan.
 */
function noteTypes18(db: Database): Map<number, 'basic' | 'cloze'> {
	const kinds = new Map<number, 'basic' | 'cloze'>();
	for (const [id, config] of rows(db, 'select id, config from notetypes')) {
		const blob = config instanceof Uint8Array ? config : new Uint8Array();
		kinds.set(Number(id), blob[0] === 0x08 && blob[1] === 0x01 ? 'cloze' : 'basic');
	}
	return kinds;
}

/** The name of the deck most of the package's cards are in, with `::` between its levels. */
function deckName(db: Database, tables: Set<string>): string | undefined {
	if (!tables.has('cards')) return undefined;
	const top = column(db, 'select did from cards group by did order by count(*) desc limit 1')[0];
	if (top === undefined || top === null) return undefined;
	let name: unknown;
	if (tables.has('decks')) {
		name = column(db, 'select name from decks where id = ?', [top])[0];
	} else if (tables.has('col')) {
		const decks = v.safeParse(DecksSchema, parseJson(column(db, 'select decks from col')[0]));
		if (decks.success) name = decks.output[String(top)]?.name;
	}
	if (typeof name !== 'string') return undefined;
	const path = name.split(SEPARATOR).join('::').trim();
	return path === '' ? undefined : path;
}

function rows(db: Database, query: string, params?: SqlValue[]): SqlValue[][] {
	return db.exec(query, params)[0]?.values ?? [];
}

function column(db: Database, query: string, params?: SqlValue[]): SqlValue[] {
	return rows(db, query, params).map((row) => row[0] ?? null);
}

function parseJson(text: unknown): unknown {
	try {
		return JSON.parse(String(text));
	} catch {
		return undefined;
	}
}
