import { randomUUID } from 'node:crypto';
import { seal } from '../../src/lib/sync/crypto';
import { createKeycheck, unlock } from '../../src/lib/sync/keycheck';
import { checkAll } from './a11y-checks';
import { expect, test } from './fixtures';
import { ACCOUNT, Device, PASSPHRASE } from './sync-devices';
import { SyncServer } from './sync-server';

// Two devices (two browser contexts) and one CouchDB-protocol server. The server's port is fixed
// by the build, so these tests run one after another.
test.describe.configure({ mode: 'serial' });
// Each test drives two devices through many pages: a limit, not a wait.
test.setTimeout(240_000);

let server: SyncServer;

test.beforeEach(async () => {
	server = await SyncServer.start();
	await server.addUser(ACCOUNT.username, ACCOUNT.password);
});

test.afterEach(async () => {
	await server.close();
});

test('two devices that studied offline end with every answer, both answers to one card, and an undo on one removes it on the other', async ({
	browser
}, info) => {
	const phone = await Device.open(browser, info);
	const laptop = await Device.open(browser, info);

	// A wrong password, then the account set up by the phone; the laptop's passphrase must match.
	await phone.signIn(PASSPHRASE, 'not-the-password');
	await expect(phone.section.getByTestId('sync-problem')).toContainText(
		'did not accept that username and password'
	);
	await phone.signIn();
	await expect(phone.section.getByTestId('sync-state')).toContainText('syncs as ada');
	// The form is gone: focus is on the line that says sync is on, not lost.
	await expect(phone.section.getByTestId('sync-state')).toBeFocused();
	await laptop.signIn('another passphrase altogether');
	await expect(laptop.section.getByTestId('sync-problem')).toContainText(
		'does not match the one this account was set up with'
	);
	await laptop.signIn();
	await expect(laptop.section.getByTestId('sync-state')).toContainText('syncs as ada');
	// Signed in, the section passes every check the other pages pass.
	await checkAll(laptop.page, 'Settings, syncing');

	// Offline, each studies; the first card of the day is the same on both.
	await phone.offline();
	await laptop.offline();
	await phone.study(3, 'Good');
	await laptop.study(2, 'Again');
	await phone.settings();
	await expect(phone.section.getByTestId('sync-waiting')).toContainText('3 changes are waiting');

	await phone.online();
	await laptop.online();
	await phone.syncNow();
	await laptop.syncNow();
	await phone.syncNow();
	const onPhone = await phone.stored();
	const onLaptop = await laptop.stored();
	expect(onPhone.reviews).toHaveLength(5);
	expect(onLaptop.reviews).toEqual(onPhone.reviews);
	expect(onLaptop.cards).toEqual(onPhone.cards);
	const first = onPhone.reviews[0]?.card;
	expect(onPhone.reviews.filter((review) => review.card === first)).toHaveLength(2);
	await expect(phone.section.getByTestId('sync-waiting')).toContainText('Nothing is waiting');

	// The server holds ciphertext only: no card's id, no answer's field names.
	const stored = JSON.stringify(await server.documents(ACCOUNT.username));
	expect(stored).toContain('"c":');
	for (const plain of [first ?? 'no card', 'rating', 'durationMs', 'stability']) {
		expect(stored).not.toContain(plain);
	}

	// An answer undone on the laptop is removed on the phone.
	await laptop.startStudy();
	await laptop.answer('Good', 1);
	await laptop.page.keyboard.press('Control+z');
	await expect(laptop.page.getByRole('region', { name: 'Study session' })).toContainText('0 done');
	await laptop.answer('Easy', 1);
	await laptop.syncNow();
	await phone.syncNow();
	expect((await phone.stored()).reviews).toHaveLength(6);
	expect((await phone.stored()).reviews.at(-1)?.rating).toBe(4);
	expect(await phone.stored()).toEqual(await laptop.stored());

	await phone.close();
	await laptop.close();
});

test('a setting changed later wins on both devices; a server that stops mid-sync and starts again loses and doubles nothing', async ({
	browser
}, info) => {
	const phone = await Device.open(browser, info);
	const laptop = await Device.open(browser, info);
	await phone.signIn();
	await expect(phone.section.getByTestId('sync-last')).toContainText('Last synced');
	await laptop.signIn();
	await expect(laptop.section.getByTestId('sync-last')).toContainText('Last synced');

	// Offline, the phone sets 25 new cards a day, then the laptop 30: the laptop's is the later edit.
	await phone.offline();
	await laptop.offline();
	await phone.setSetting('New cards per day', '25');
	await laptop.setSetting('New cards per day', '30');
	await phone.online();
	await laptop.online();
	await phone.syncNow();
	await laptop.syncNow();
	await phone.syncNow();
	for (const device of [phone, laptop]) {
		await device.settings();
		await expect(device.page.getByRole('spinbutton', { name: 'New cards per day' })).toHaveValue(
			'30'
		);
	}

	// The phone studies; the server goes down while the phone is sending its answers.
	await phone.study(3);
	await phone.settings();
	let stopped = false;
	await phone.context.route('**/_bulk_docs', async (route) => {
		if (!stopped) {
			stopped = true;
			await server.stop();
		}
		await route.continue().catch(() => route.abort('connectionrefused'));
	});
	await phone.section.getByRole('button', { name: 'Sync now' }).click();
	await expect(phone.section.getByTestId('sync-error')).toContainText('could not be reached');
	expect(stopped).toBe(true);
	await expect(phone.section.getByTestId('sync-waiting')).toContainText('waiting to be sent');
	await phone.context.unroute('**/_bulk_docs');

	// Up again with what it held: the next run goes on from where it was.
	await server.resume();
	await phone.syncNow();
	await laptop.syncNow();
	const onPhone = await phone.stored();
	expect(onPhone.reviews).toHaveLength(3);
	expect(new Set(onPhone.reviews.map((review) => review.uid)).size).toBe(3);
	expect(await laptop.stored()).toEqual(onPhone);
	const ids = (await server.documents(ACCOUNT.username)).map((doc) => doc._id);
	expect(new Set(ids).size).toBe(ids.length);
	expect(ids.filter((id) => id.startsWith('r:'))).toHaveLength(3);

	await phone.close();
	await laptop.close();
});

test('documents a server should never hold are refused, counted and reported, and change nothing stored', async ({
	browser
}, info) => {
	const phone = await Device.open(browser, info);
	await phone.signIn();
	await phone.study(2);
	await phone.syncNow();
	const before = await phone.stored();

	const keys = await unlock(PASSPHRASE, await server.keycheck(ACCOUNT.username));
	const otherKeys = (await createKeycheck('a passphrase of someone else', 100_000)).keys;
	const id = () => `r:${randomUUID()}`;
	const [review] = before.reviews;
	const scriptUid = randomUUID();
	await server.plant(ACCOUNT.username, [
		{ _id: id(), c: 'not base64 at all!' },
		await seal(otherKeys, id(), { kind: 'review', review }),
		await seal(keys, `r:${scriptUid}`, {
			kind: 'review',
			review: { ...review, uid: scriptUid, card: '<img src=x onerror=alert(1)>' }
		}),
		{ _id: id(), c: 'A'.repeat(3_000_000) }
	]);
	await phone.syncNow();
	await expect(phone.section.getByTestId('sync-refused')).toContainText(
		'4 documents from the server were refused'
	);
	await expect(phone.section.getByTestId('sync-refused')).toContainText('HTML or a script');
	expect(await phone.stored()).toEqual(before);

	// A reply that is not JSON at all stops the run with a message; nothing stored changes.
	await phone.context.route('**/_changes**', (route) =>
		route.fulfill({
			status: 200,
			contentType: 'application/json',
			headers: { 'Access-Control-Allow-Origin': '*' },
			body: '{"results": [tru'
		})
	);
	await phone.section.getByRole('button', { name: 'Sync now' }).click();
	await expect(phone.section.getByTestId('sync-error')).toContainText('cannot read');
	expect(await phone.stored()).toEqual(before);
	await phone.close();
});
