import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

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

/**
 * Every page the site should have, known without a build (tests are listed before the build is
 * made): the app's pages and one notes page per file in `content/`. A build test checks that this
 * is exactly what was prerendered.
 */
export function sitePages(): string[] {
	const decks = readdirSync(join(import.meta.dirname, '../../content'))
		.filter((name) => name.endsWith('.md') && name !== 'README.md')
		.map((name) => `/notes/${name.slice(0, -'.md'.length)}/`);
	const app = [
		'/',
		'/browse/',
		'/import/',
		'/interview/',
		'/listen/',
		'/notes/',
		'/quiz/',
		'/settings/',
		'/stats/',
		'/study/'
	];
	return [...app, ...decks].sort();
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

/** Size of a built file once gzipped, in bytes: the size a browser downloads. */
export function gzipSize(file: string): number {
	return gzippedBytes(readFileSync(file));
}

/** Size of some content once gzipped, in bytes (none for none). */
export function gzippedBytes(content: string | Buffer): number {
	return content.length === 0 ? 0 : gzipSync(content, { level: 9 }).length;
}

/** The build's file a URL of the site refers to (`/`, `/study/`, `/_app/…`, `./_app/…`). */
export function fileOf(url: string, fromFolder = BUILD_DIR): string {
	const path = url.startsWith('/') ? join(BUILD_DIR, url) : resolve(fromFolder, url);
	return path.endsWith('/') ? join(path, 'index.html') : path;
}

/** Modules a built module imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function staticImports(source: string): string[] {
	const imports = source.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{},\s]+from\s*)?["']([^"']+)["']/g);
	return [...imports].map((match) => match[1] ?? '');
}

/**
 * Every script and style sheet a prerendered page loads before it is interactive: what its HTML
 * preloads, links and imports, and everything those modules import in turn. Modules that are
 * only imported dynamically (`import()`, loaded on demand) are not part of it.
 */
export function firstLoadFiles(page: string): string[] {
	const html = fileOf(page);
	const found = new Set<string>();
	const visit = (file: string) => {
		if (found.has(file)) return;
		found.add(file);
		if (file.endsWith('.js')) {
			for (const url of staticImports(readFileSync(file, 'utf8')))
				visit(fileOf(url, dirname(file)));
		}
	};
	const source = readFileSync(html, 'utf8');
	// Sheets whose styles are inlined stay linked for later navigations, disabled: not loaded.
	const links = [
		...source.matchAll(/<link href="([^"]+)" rel="(?:modulepreload|stylesheet)"([^>]*)>/g)
	].filter((match) => !(match[2] ?? '').includes('disabled'));
	const starts = source.matchAll(/import\("([^"]+)"\)/g);
	for (const match of [...links, ...starts]) visit(fileOf(match[1] ?? '', dirname(html)));
	return [...found].sort();
}

/** The CSS a prerendered page carries inline, in `<style>` elements. */
export function inlineStyles(page: string): string {
	const source = readFileSync(fileOf(page), 'utf8');
	return [...source.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)]
		.map((match) => match[1])
		.join('\n');
}
