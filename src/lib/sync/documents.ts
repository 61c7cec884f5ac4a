import * as v from 'valibot';
import { findHostile, pathName, type Hostile } from '$lib/backup/inspect';
import { SYNC_KINDS, naturalKeyOf, uidOf, type SyncBody, type SyncKind } from './bodies';
import { hiddenId, open, refused, seal, type SealedDoc, type SyncKeys } from './crypto';
import { SyncDocError } from './errors';

// A synced body is checked as strictly as a backup: what another device sent may have been
// written by a buggy or hostile client holding the passphrase, and it is stored as our own.

/**
 * The deepest container of a body is an interview question's phrases in a deck of one's own,
 * deck.items[j].synonyms[k], five levels below the body.
 */
const MAX_DEPTH = 6;

/** A hidden id (see hiddenId): a prefix, a colon and 22 base64url characters. */
const HIDDEN_ID = /^[a-z]:[A-Za-z0-9_-]{22}$/;

const isKind = (kind: unknown): kind is SyncKind =>
	typeof kind === 'string' && Object.hasOwn(SYNC_KINDS, kind);

/**
 * The body of the document `id`, checked: its kind is the one the id's prefix names, it holds no
 * markup, no key that reaches prototypes and no deeper nesting than a record has, it is within
 * its kind's size, it passes its kind's schema, and a history record's uid is its id's.
 * @throws SyncDocError naming the kind and the first thing wrong
 */
export function parseBody(id: string, body: unknown): SyncBody {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		throw refused('its body is not an object');
	}
	const kind = (body as { kind?: unknown }).kind;
	const label = isKind(kind) ? SYNC_KINDS[kind].label : 'document';
	const fail = (reason: string) =>
		new SyncDocError(`A synced ${label} was refused because ${reason}. Nothing of it was stored.`);
	const hostile = findHostile(body, MAX_DEPTH);
	if (hostile) throw fail(hostileReason(hostile));
	if (!isKind(kind)) throw fail('it is of a kind this app does not know');
	const { prefix, maxCharacters, schema } = SYNC_KINDS[kind];
	if (!id.startsWith(`${prefix}:`)) {
		const other = Object.values(SYNC_KINDS).find((known) => id.startsWith(`${known.prefix}:`));
		throw fail(`it is stored under the id of ${other ? `a ${other.label}` : 'something else'}`);
	}
	// Safe after findHostile: the nesting is shallow, so stringify cannot run out of stack.
	if (JSON.stringify(body).length > maxCharacters) {
		throw fail(`it is larger than a ${label} can be`);
	}
	const result = v.safeParse(schema, body, { abortEarly: true });
	if (!result.success) throw fail(describeIssue(result.issues[0], label));
	const checked = result.output as SyncBody;
	const uid = uidOf(checked);
	if (uid === null ? !HIDDEN_ID.test(id) : id !== `${prefix}:${uid}`) {
		throw fail('its id is not the one its content has');
	}
	return checked;
}

/**
 * The id of a body's document: `r:`, `q:` or `i:` and the uid of a history record; for a per-key
 * record, an id that does not reveal its key (see hiddenId).
 */
export async function bodyId(keys: SyncKeys, body: SyncBody): Promise<string> {
	const { prefix } = SYNC_KINDS[body.kind];
	const uid = uidOf(body);
	if (uid !== null) return `${prefix}:${uid}`;
	return hiddenId(keys, prefix, naturalKeyOf(body) as string);
}

/**
 * A body sealed under its id, after the checks every device applies when opening it: nothing is
 * pushed that another device would refuse.
 * @throws SyncDocError when the body would be refused
 */
export async function sealBody(keys: SyncKeys, body: SyncBody): Promise<SealedDoc> {
	const id = await bodyId(keys, body);
	parseBody(id, body);
	return seal(keys, id, body);
}

/**
 * A synced document decrypted and checked (see open and parseBody). A per-key document must sit
 * under the id of its key, so that no key ever has two documents that could both win.
 * @throws SyncDocError (UndecryptableError when it does not decrypt) saying why it was refused
 */
export async function openDoc(
	keys: SyncKeys,
	doc: unknown
): Promise<{ id: string; body: SyncBody }> {
	const plain = await open(keys, doc);
	const id = (doc as SealedDoc)._id;
	const body = parseBody(id, plain);
	if ((await bodyId(keys, body)) !== id) {
		throw new SyncDocError(
			`A synced ${SYNC_KINDS[body.kind].label} was refused because its id is not the one its content has. Nothing of it was stored.`
		);
	}
	return { id, body };
}

function hostileReason({ path, problem, key }: Hostile): string {
	const where = path.length === 0 ? 'it' : pathName(path);
	switch (problem) {
		case 'markup':
			return `${where} contains HTML or a script, which synced data never holds`;
		case 'markup-key':
			return `${where} has a field name with HTML or a script in it`;
		case 'forbidden-key':
			return `${where} has a field named "${key}", which could change how the app works`;
		case 'too-deep':
			return `${where} is nested deeper than anything the app syncs`;
	}
}

/** A valibot issue as a reason: where in the body, and what was expected. */
function describeIssue(issue: v.BaseIssue<unknown>, label: string): string {
	const path = (issue.path ?? []).map((item) => item.key as string | number);
	const where = path.length === 0 ? 'it' : pathName(path);
	if (issue.type === 'strict_object' && issue.expected === 'never') {
		const owner = path.length === 1 ? 'it' : pathName(path.slice(0, -1));
		return `${owner} has a field "${String(path.at(-1)).slice(0, 40)}" that a synced ${label} does not have`;
	}
	if (issue.received === 'undefined') return `${where} is missing`;
	// Every rule of the schemas has its own words; valibot's own are never shown as they are.
	const message = issue.message.startsWith('Invalid ') ? 'is not valid' : issue.message;
	return `${where} ${message}`;
}
