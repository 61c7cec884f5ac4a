import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Folder the production build is written to. */
export const BUILD_DIR = join(import.meta.dirname, '../../build');

/** Every prerendered page of the build, as the URL path it is served at (`/`, `/study/`). */
export function prerenderedPages(): string[] {
	const pages: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_app') walk(full);
			} else if (entry.name === 'index.html') {
				// Pages are folder/index.html, served as /folder/.
				const folder = relative(BUILD_DIR, dir);
				pages.push(folder === '' ? '/' : `/${folder}/`);
			}
		}
	};
	walk(BUILD_DIR);
	return pages.sort();
}

/** Every prerendered JSON file of the build (decks), as the URL path it is served at. */
export function prerenderedJson(): string[] {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const full = join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== '_app') walk(full);
			} else if (entry.name.endsWith('.json')) {
				files.push(`/${relative(BUILD_DIR, full)}`);
			}
		}
	};
	walk(BUILD_DIR);
	return files.sort();
}
