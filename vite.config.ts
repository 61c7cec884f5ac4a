import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

/**
 * What every page needs before it is interactive (the framework, the layout and its banners) goes
 * into one chunk instead of a dozen small ones: on a slow connection each request costs a round
 * trip. Screens, storage and the scheduler stay in chunks of their own, loaded on demand.
 */
const shell =
	/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\/|src\/routes\/(\+layout|Nav|StorageBanner|UpdateBanner)\b/;

export default defineConfig(({ isSsrBuild }) => ({
	build: isSsrBuild
		? {}
		: {
				rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shell', test: shell }] } } }
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
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		env: { TZ: 'UTC' },
		expect: { requireAssertions: true }
	}
}));
