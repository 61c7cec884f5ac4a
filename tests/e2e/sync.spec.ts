import { expect, test } from './fixtures';
import { ACCOUNT, Device, PASSPHRASE } from './sync-devices';
import { SyncServer } from './sync-server';

// Two devices (two browser contexts) and one CouchDB-protocol server. The server's port is fixed
// by the build, so these tests run one after another.
test.describe.configure({ mode: 'serial' });
// Each test drives two devices through many pages: a limit, not a wait.
test.setTimeout(240_000);

let server: SyncServer;

test.beforeAll(async () => {
	server = await SyncServer.start();
	await server.addUser(ACCOUNT.username, ACCOUNT.password);
});

test.afterAll(async () => {
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
	await laptop.signIn('another passphrase altogether');
	await expect(laptop.section.getByTestId('sync-problem')).toContainText(
		'does not match the one this account was set up with'
	);
	await laptop.signIn();
	await expect(laptop.section.getByTestId('sync-state')).toContainText('syncs as ada');

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
