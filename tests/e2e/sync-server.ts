import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYNC_PORT } from './sync-port';

// A CouchDB-protocol server for the sync tests: pouchdb-server from npm (CouchDB itself is not
// packaged for these machines), with its data in a folder of its own, so that it can be stopped
// and started again with what it held. Auth as CouchDB's: an admin, users in _users, and one
// database per user readable by that user only (what couch_peruser sets up).

const ADMIN = { name: 'admin', password: 'admin-password' };
const BIN = join(import.meta.dirname, '../../node_modules/.bin/pouchdb-server');

export const SYNC_URL = `http://localhost:${SYNC_PORT}`;

/** CouchDB's name of a user's database: `userdb-` and the username in hexadecimal. */
export function userDb(name: string): string {
	return `userdb-${Buffer.from(name, 'utf8').toString('hex')}`;
}

/** Where a server listens and keeps its data (the sync tests': SYNC_PORT, on disk). */
export interface SyncServerOptions {
	port?: number;
	/** Databases in memory only (`--in-memory`): nothing survives a stop. */
	inMemory?: boolean;
}

export class SyncServer {
	#process: ChildProcess | null = null;
	readonly #dir = mkdtempSync(join(tmpdir(), 'cto-sync-'));
	readonly #port: number;
	readonly #inMemory: boolean;
	/** Where it answers, e.g. http://localhost:5989. */
	readonly url: string;

	private constructor({ port = SYNC_PORT, inMemory = false }: SyncServerOptions) {
		this.#port = port;
		this.#inMemory = inMemory;
		this.url = `http://localhost:${port}`;
	}

	static async start(options: SyncServerOptions = {}): Promise<SyncServer> {
		const server = new SyncServer(options);
		await server.resume();
		await server.#request(
			'PUT',
			`/_config/admins/${ADMIN.name}`,
			JSON.stringify(ADMIN.password),
			false
		);
		return server;
	}

	/** Starts (again) with the data it held. */
	async resume(): Promise<void> {
		const data = this.#inMemory ? ['--in-memory'] : ['-d', this.#dir];
		this.#process = spawn(BIN, ['-p', String(this.#port), ...data, '-n'], {
			cwd: this.#dir,
			stdio: 'ignore'
		});
		// Ready when it answers: a limit, not a wait.
		for (let attempt = 0; attempt < 300; attempt++) {
			const answered = await fetch(this.url).then(
				(response) => response.ok,
				() => false
			);
			if (answered) return;
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		throw new Error('pouchdb-server did not start');
	}

	/** Stops it, as a server that goes down: connections drop, data stays on its disk. */
	async stop(): Promise<void> {
		const running = this.#process;
		if (!running) return;
		this.#process = null;
		const exited = new Promise((resolve) => running.once('exit', resolve));
		running.kill('SIGKILL');
		await exited;
	}

	async close(): Promise<void> {
		await this.stop();
		rmSync(this.#dir, { recursive: true, force: true });
	}

	/** A user with a database of their own, as a CouchDB with couch_peruser makes it. */
	async addUser(name: string, password: string): Promise<void> {
		await this.#request(
			'PUT',
			`/_users/org.couchdb.user:${name}`,
			JSON.stringify({ name, password, roles: [], type: 'user' })
		);
		await this.#request('PUT', `/${userDb(name)}`);
		await this.#request(
			'PUT',
			`/${userDb(name)}/_security`,
			JSON.stringify({ admins: { names: [], roles: [] }, members: { names: [name], roles: [] } })
		);
	}

	/** Every document of a user's database, as stored on the server (read as the admin). */
	async documents(name: string): Promise<{ _id: string; c?: string }[]> {
		const all = (await this.#request('GET', `/${userDb(name)}/_all_docs?include_docs=true`)) as {
			rows: { doc: { _id: string; c?: string } }[];
		};
		return all.rows.map((row) => row.doc).filter((doc) => !doc._id.startsWith('_'));
	}

	/** The account's keycheck document, as the server keeps it. */
	async keycheck(name: string): Promise<unknown> {
		return this.#request('GET', `/${userDb(name)}/keycheck`);
	}

	/** Puts documents into a user's database behind the app's back (a hostile or broken server). */
	async plant(name: string, docs: object[]): Promise<void> {
		await this.#request('POST', `/${userDb(name)}/_bulk_docs`, JSON.stringify({ docs }));
	}

	async #request(method: string, path: string, body?: string, asAdmin = true): Promise<unknown> {
		const headers: Record<string, string> = { 'Content-Type': 'application/json' };
		if (asAdmin) {
			headers.Authorization = `Basic ${Buffer.from(`${ADMIN.name}:${ADMIN.password}`).toString('base64')}`;
		}
		const response = await fetch(`${this.url}${path}`, { method, headers, body });
		const text = await response.text();
		if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
		return text ? JSON.parse(text) : null;
	}
}
