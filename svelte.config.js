import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { SYNC_SERVER_VARIABLE, syncOrigin } from './src/lib/sync/origin.js';

// Whoever builds the app names its sync server (or none): the page may connect to it and to its
// own origin, never anywhere else.
const syncServer = syncOrigin(process.env[SYNC_SERVER_VARIABLE]);

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ strict: true, fallback: '404.html', precompress: true }),
		// The service worker is built and registered by @vite-pwa/sveltekit, not by Kit.
		serviceWorker: { register: false },
		version: { pollInterval: 0 },
		// Every stylesheet goes into the page as a <style> (hashed for the CSP): no request blocks the
		// first paint. The largest, app.css with the layout, is under 7 KB before gzip.
		inlineStyleThreshold: 10_000,
		prerender: {
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		},
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// An Anki package is read with SQLite compiled to WebAssembly (loaded only for one): the
				// browser may compile WebAssembly, never evaluate text as script.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self'],
				// Kit's route announcer is created with one fixed inline style attribute; allow exactly it.
				'style-src-attr': ['unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:'],
				// A recorded answer is played back from an object URL of the recording on the device.
				'media-src': ['self', 'blob:'],
				'font-src': ['self'],
				// The sync server, when the build names one (see src/lib/sync/origin.js): that origin only.
				'connect-src': syncServer ? ['self', syncServer] : ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
