import { buildLibrary, type Library } from '$lib/content/deck';

// Read at build time: every notes file in content/, as text.
const sources = import.meta.glob('/content/*.md', {
	query: '?raw',
	import: 'default',
	eager: true
}) as Record<string, string>;

let built: Library | undefined;

/**
 * The decks built from `content/`. Bad notes throw a ContentError naming file and line, which
 * stops the build.
 */
export function library(): Library {
	built ??= buildLibrary(
		Object.entries(sources).map(([path, text]) => ({
			file: path.slice(path.lastIndexOf('/') + 1),
			text
		}))
	);
	return built;
}
