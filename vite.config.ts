import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { SYNC_SERVER_VARIABLE, syncOrigin } from './src/lib/sync/origin.js';

/**
 * What every page needs before it is interactive (the framework, the layout and its banners) goes
 * into one chunk instead of a dozen small ones: on a slow connection each request costs a round
 * trip. Screens, storage and the scheduler stay in chunks of their own, loaded on demand.
 */
const shell =
	/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\/|src\/routes\/(\+layout|Nav|StorageBanner|UpdateBanner)\b/;

/**
 * What every screen needs and no first load does (idb, valibot, ts-fsrs, storage, the app's root
 * and the domain) goes into one chunk: a screen then preloads a handful of files instead of
 * eighteen, and each preload link costs main-thread time while the page is becoming interactive.
 * Modules a prerendered page imports before it is interactive stay out of it, or its first load
 * would carry the whole chunk: those go into a small chunk of their own (the budgets in
 * build.spec.ts check that no first load grows).
 */
const data =
	/node_modules\/(idb|valibot|ts-fsrs)\/|src\/lib\/(storage\/(?!errors)|srs|content|state\/(app|database|deck-sync|answers|page)|limits|random|settings|yield|pwa\/persistence)/;
/** What the notes pages need to draw Markdown, before they are interactive. */
const text = /src\/lib\/content\/(inline|slug)\b/;
/** What the study page's prerendered deck picker needs, the grouping of its counts included. */
const picker =
	/src\/lib\/(srs\/(counts|scope)|content\/(types|ids)|digits|state\/(early-start|study-shell))\b/;

/** Unit test files that need modules of their own (see `test.projects`). */
const isolated = ['tests/unit/import/apkg-load.test.ts'];

export default defineConfig(({ isSsrBuild }) => ({
	// The sync server the build names (null: none), for src/lib/sync/config.ts; svelte.config.js
	// puts the same origin into the Content-Security-Policy.
	define: { __SYNC_ORIGIN__: JSON.stringify(syncOrigin(process.env[SYNC_SERVER_VARIABLE])) },
	build: isSsrBuild
		? {}
		: {
				// A screen's chunks are not preloaded by links added from script: adding them cost a long
				// task on a first visit (about 15 ms each on a slow phone). The screen's imports load in
				// parallel once its chunk arrives, one round trip later.
				modulePreload: false,
				rolldownOptions: {
					output: {
						codeSplitting: {
							groups: [
								{ name: 'shell', test: shell, priority: 2 },
								// First, so that the data group (which takes its modules' imports too) leaves them out.
								{ name: 'picker', test: picker, priority: 1 },
								{ name: 'text', test: text, priority: 1 },
								{ name: 'data', test: data }
							]
						}
					}
				}
			},
	plugins: [
		sveltekit(),
		SvelteKitPWA({
			// Prompt mode: a new version waits for the user's "Reload"; it never reloads on its own.
			registerType: 'prompt',
			injectRegister: false,
			// Absolute, so that a first visit to a nested page registers /sw.js for the whole site.
			base: '/',
			scope: '/',
			manifest: {
				id: '/',
				name: 'CTO Prep: flashcards, quizzes and interview practice',
				short_name: 'CTO Prep',
				description:
					'Study the CTO role offline: spaced-repetition flashcards, quizzes and mock interview questions.',
				lang: 'en',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				orientation: 'any',
				theme_color: '#1e3a8a',
				background_color: '#ffffff',
				categories: ['education', 'productivity'],
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			// The adapter writes 404.html after the worker is built, so it is listed with the version as revision.
			kit: {
				includeVersionFile: true,
				adapterFallback: '404.html',
				spa: true,
				trailingSlash: 'always'
			},
			workbox: {
				globPatterns: [
					'client/**/*.{js,css,ico,png,svg,webp,webmanifest}',
					'prerendered/**/*.{html,json}'
				],
				// Navigations to a page that was never prerendered still get the app, not the browser's offline page.
				// The importers run in a worker of their own, loaded when a file is picked: left out of
				// the precache (its budget would not hold them).
				globIgnores: ['client/_app/immutable/workers/**'],
				// What is loaded on demand and not precached (the importers, SQLite's WebAssembly) is
				// kept once fetched: its name carries its content's hash, so a kept copy is always right.
				runtimeCaching: [
					{
						urlPattern: ({ url, sameOrigin }) =>
							sameOrigin && url.pathname.startsWith('/_app/immutable/'),
						handler: 'CacheFirst',
						options: {
							cacheName: 'importers',
							expiration: { maxEntries: 60 },
							cacheableResponse: { statuses: [200] }
						}
					}
				],
				navigateFallback: '404.html',
				navigateFallbackDenylist: [/\.[a-z0-9]+$/i],
				cleanupOutdatedCaches: true,
				// Kit asks for page data as __data.json?x-sveltekit-invalidated=…: serve the precached file.
				ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^x-sveltekit-/],
				// The first install controls the page at once; later versions wait for the user's Reload.
				clientsClaim: true
			}
		})
	],
	// The importers' worker loads its readers on demand, as separate chunks. A worker has no
	// document: the Markdown parser's entity decoder is taken in its build without one (its
	// "browser" build decodes through a DOM element).
	worker: {
		format: 'es',
		plugins: () => [
			{
				name: 'worker-without-dom',
				enforce: 'pre',
				resolveId: (id: string) =>
					id === 'decode-named-character-reference'
						? createRequire(import.meta.url).resolve(id)
						: null
			}
		]
	},
	test: {
		environment: 'node',
		env: { TZ: 'UTC' },
		expect: { requireAssertions: true },
		unstubGlobals: true,
		projects: [
			// Test files share their worker's modules: loading them again for every file was three
			// quarters of the unit tests' time. Each file opens databases of its own and restores what
			// it stubs.
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: isolated,
					isolate: false
				}
			},
			// Files that test a module's state from its first import get fresh modules.
			{ extends: true, test: { name: 'isolated', include: isolated } }
		]
	}
}));
