import { MARKUP } from '$lib/markup';
import { ImportError } from './errors';

/** Keys that could reach an object's prototype if a later step copied the parsed file carelessly. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The deepest container of a backup is an interview question's phrases in an own deck of notes,
 * ownDecks[i].items[j].synonyms[k], six levels below the file.
 */
const MAX_DEPTH = 7;

/** Where a value sits in the file, as a person would write it: `reviews[12].rating`. */
export function pathName(path: readonly (string | number)[]): string {
	return path
		.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
		.join('');
}

/** The start of a sentence about a field of the object at `path`: "cards[0] has". */
export function holder(path: readonly (string | number)[]): string {
	return path.length === 0 ? 'The file has' : `${pathName(path)} has`;
}

/** What findHostile found, and where: the path of the value (or of the object holding the key). */
export interface Hostile {
	path: (string | number)[];
	/** Markup in a string, markup in a key, a key that reaches prototypes, or nesting too deep. */
	problem: 'markup' | 'markup-key' | 'forbidden-key' | 'too-deep';
	/** The key refused, for 'forbidden-key'. */
	key?: string;
}

/**
 * The first place in parsed JSON a hostile value sits: a key that reaches prototypes, markup in
 * any key or string, or a container `maxDepth` levels down. Walks without recursion, so no input
 * can exhaust the stack. Shared by backups and sync, which word what they refuse differently.
 */
export function findHostile(data: object, maxDepth: number): Hostile | null {
	// Each entry points to its parent, so a path is only built for the message.
	interface Entry {
		value: unknown;
		key: string | number;
		parent: Entry | null;
		depth: number;
	}
	const pathOf = (entry: Entry | null) => {
		const path: (string | number)[] = [];
		for (let at = entry; at?.parent; at = at.parent) path.unshift(at.key);
		return path;
	};
	const stack: Entry[] = [{ value: data, key: '', parent: null, depth: 0 }];
	while (stack.length > 0) {
		const entry = stack.pop() as Entry;
		const { value, depth } = entry;
		if (typeof value === 'string') {
			if (MARKUP.test(value)) return { path: pathOf(entry), problem: 'markup' };
			continue;
		}
		if (typeof value !== 'object' || value === null) continue;
		if (depth >= maxDepth) return { path: pathOf(entry), problem: 'too-deep' };
		if (Array.isArray(value)) {
			value.forEach((item: unknown, index) =>
				stack.push({ value: item, key: index, parent: entry, depth: depth + 1 })
			);
			continue;
		}
		for (const [key, item] of Object.entries(value)) {
			if (FORBIDDEN_KEYS.has(key)) return { path: pathOf(entry), problem: 'forbidden-key', key };
			if (MARKUP.test(key)) return { path: pathOf(entry), problem: 'markup-key' };
			stack.push({ value: item, key, parent: entry, depth: depth + 1 });
		}
	}
	return null;
}

/**
 * Refuses keys that reach prototypes, markup in any key or string, and nesting deeper than a
 * backup has, anywhere in the parsed file.
 * @throws ImportError naming the first such place found
 */
export function inspect(data: object): void {
	const found = findHostile(data, MAX_DEPTH);
	if (!found) return;
	const { path, problem, key } = found;
	switch (problem) {
		case 'markup':
			throw new ImportError(
				`${pathName(path)} contains HTML or a script, which a progress backup never holds.`
			);
		case 'too-deep':
			throw new ImportError(
				`${pathName(path)} is nested deeper than anything in a progress backup.`
			);
		case 'forbidden-key':
			throw new ImportError(
				`${holder(path)} a field named "${key}", which is refused because it could change how the app works.`
			);
		case 'markup-key':
			throw new ImportError(
				`${holder(path)} a field name with HTML or a script in it, which a progress backup never holds.`
			);
	}
}
