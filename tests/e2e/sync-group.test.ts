// Sync through the real server (issue 13): two members of a group, in two
// browser contexts, see each other's annotations, edits and deletions; a
// third context, signed in but not a member, sees nothing and cannot write
// (the server answers 403, checked over HTTP too).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, AnnotationId } from '../../annotations/model/annotation.ts';
import {
  creatorOf,
  groupDatabaseName,
  privateDatabaseName,
  toAnnotationDoc,
} from '../../annotations/sync/index.ts';
import { builtinEditions } from '../../sources/builtin.ts';
import { sampleAnnotations } from '../annotations/helpers/samples.ts';
import { call } from '../server/helpers/http.ts';
import { type ServerProcess } from '../server/helpers/server-process.ts';
import {
  annotate,
  editNote,
  openSidebar,
  paintedTexts,
  sidebar,
  storedAnnotations,
  type StoredAnnotation,
} from './helpers/annotations-ui.ts';
import { compareRows, openCompareView } from './helpers/compare-ui.ts';
import {
  closeSyncPanel,
  joinGroup,
  openSyncPanel,
  signIn,
  syncPanel,
  waitForGone,
  waitForStored,
  waitForSyncStatus,
  startSyncServer,
} from './helpers/sync-ui.ts';
import { resizeTo, startReader, VIEWPORTS, type Reader } from './helpers/ui.ts';
import { scaled } from '../slowdown.ts';

const ana = { name: 'ana', password: 'ana-secret' };
const ben = { name: 'ben', password: 'ben-secret' };
const eve = { name: 'eve', password: 'eve-secret' };
const GROUP = 'lankov-seminar';

/** Whether a stored annotation's first target is in paragraph `address` (or one of its sentences). */
const inParagraph =
  (address: string) =>
  (a: StoredAnnotation): boolean => {
    const at = a.targets[0]?.selectors.address ?? '';
    return at === address || at.startsWith(`${address}.`);
  };

let server: ServerProcess;
let anaReader: Reader;
let benReader: Reader;
let eveReader: Reader;

beforeAll(async () => {
  server = await startSyncServer([ana, ben, eve], {
    name: GROUP,
    owner: ana.name,
    members: [ben.name],
  });
  [anaReader, benReader, eveReader] = await Promise.all([
    startReader(),
    startReader(),
    startReader(),
  ]);
  for (const r of [anaReader, benReader, eveReader]) await r.openApp();
}, 120_000);

afterAll(async () => {
  await Promise.all([anaReader, benReader, eveReader].map((r) => r?.close()));
  await server?.dispose();
}, 60_000);

describe('two members of a group', () => {
  it('sign in, join the group: the panel says synced and when', async () => {
    for (const [reader, user] of [
      [anaReader, ana],
      [benReader, ben],
    ] as const) {
      const panel = syncPanel(reader.page);
      // Focus stays in the panel whatever the answer: a refusal keeps the form (a disabled Sign in
      // button had dropped focus to the page's body), a success replaces it.
      const focusInPanel = () => panel.evaluate((d) => d.contains(document.activeElement));
      if (user === ana) {
        await signIn(reader, server.url, { name: ana.name, password: 'not-her-password' });
        await waitForSyncStatus(reader.page, /^Server refused: wrong user name or password\.$/);
        expect(await focusInPanel()).toBe(true);
      }
      await signIn(reader, server.url, user);
      await waitForSyncStatus(reader.page, /^Synced\.$/);
      expect(await focusInPanel()).toBe(true);
      expect(await panel.textContent()).toContain(`Signed in as ${user.name}`);
      // The group is offered from the server's hint, with a Join button beside it; Ana joins with
      // that button, Ben by typing its name.
      const listed = panel.getByRole('region', { name: 'Your groups on this server:' });
      await expect
        .poll(() => listed.locator('li').allTextContents())
        .toEqual([`${GROUP} Join ${GROUP}`]);
      if (user === ana) await anaReader.screenshot('sync-panel-groups-listed');
      await joinGroup(reader.page, GROUP, true, user === ana ? 'list' : 'name');
      // Joined: it leaves the list (and the list goes, being empty).
      expect(await listed.count()).toBe(0);
      await waitForSyncStatus(reader.page, /^Synced\.$/);
      expect(await panel.locator('.sync-last').textContent()).not.toContain('never');
      // The password is nowhere in the page's storage.
      const stored = await reader.page.evaluate(() => JSON.stringify({ ...localStorage }));
      expect(stored).not.toContain(user.password);
    }
    await anaReader.screenshot('sync-panel-signed-in');
    await closeSyncPanel(anaReader.page);
    await closeSyncPanel(benReader.page);
  });

  it('an annotation made by one appears for the other, with its author', async () => {
    const quote = await annotate(anaReader.page, 'lankov-2007:3', 0, 30, 'h');
    const [made] = await storedAnnotations(anaReader.page);
    expect(made?.targets[0]?.selectors.quote.exact.trim()).toBe(quote);
    const seen = await waitForStored(benReader.page, (a) => a.id === made!.id);
    expect(seen.targets[0]?.selectors.quote.exact).toBe(made!.targets[0]!.selectors.quote.exact);
    await openSidebar(benReader.page);
    const item = sidebar(benReader.page).locator(`[data-annotation-id="${made!.id}"]`);
    await expect
      .poll(() => item.locator('.ann-sync-line').textContent())
      .toBe(`Group: ${GROUP} · by ana`);
    // Ana's own card says so in the words the Compare view uses for her own ("Your comparison"),
    // not by her name.
    const anaItem = (await openSidebar(anaReader.page)).locator(
      `[data-annotation-id="${made!.id}"]`,
    );
    await expect
      .poll(() => anaItem.locator('.ann-sync-line').textContent())
      .toBe(`Group: ${GROUP} · by you`);
    // Another member's annotation cannot be edited or deleted here, only copied.
    expect(await item.getByRole('button', { name: /^Delete/ }).count()).toBe(0);
    await benReader.screenshot('sync-group-annotation-by-ana');
  });

  it('an edit and a delete propagate', async () => {
    const [made] = await storedAnnotations(anaReader.page);
    await editNote(anaReader.page, made!.id, 'Lankov dates the shift <img src=x onerror=alert(1)>');
    const item = sidebar(anaReader.page).locator(`[data-annotation-id="${made!.id}"]`);
    await waitForStored(
      benReader.page,
      (a) => a.id === made!.id && a.note?.startsWith('Lankov') === true,
    );
    // Shown as text, never as HTML.
    const benItem = sidebar(benReader.page).locator(`[data-annotation-id="${made!.id}"]`);
    await expect.poll(() => benItem.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await benItem.locator('img').count()).toBe(0);

    await item.getByRole('button', { name: /^Delete/ }).click();
    await waitForGone(benReader.page, made!.id);
  });
});

describe('layers', () => {
  it('move and copy between layers; the sidebar and the Compare view filter by layer and author', async () => {
    const groupLayer = `Group: ${GROUP}`;
    // Ben's annotation goes to the group (his layer for new annotations), then moves to Private: it leaves the group.
    await annotate(benReader.page, 'lankov-2007:8', 0, 30, 'h');
    const moved = (await storedAnnotations(benReader.page)).find(inParagraph('lankov-2007:8'))!;
    await waitForStored(anaReader.page, (a) => a.id === moved.id);
    // Ana sees it as Ben's; Ben as his own.
    const movedForAna = sidebar(anaReader.page).locator(`[data-annotation-id="${moved.id}"]`);
    await expect
      .poll(() => movedForAna.locator('.ann-sync-line').textContent())
      .toBe(`${groupLayer} · by ben`);
    const bar = sidebar(benReader.page);
    const movedItem = bar.locator(`[data-annotation-id="${moved.id}"]`);
    await expect
      .poll(() => movedItem.locator('.ann-sync-line').textContent())
      .toBe(`${groupLayer} · by you`);
    await movedItem.getByLabel(/^Move to/).selectOption({ label: 'Private' });
    await expect.poll(() => movedItem.locator('.ann-sync-line').textContent()).toBe('Private');
    await waitForGone(anaReader.page, moved.id);

    // Ana's group annotation, copied by Ben to his private layer: a new annotation of his; hers stays.
    await annotate(anaReader.page, 'lankov-2007:9', 0, 30, 'h');
    const anas = (await storedAnnotations(anaReader.page)).find(inParagraph('lankov-2007:9'))!;
    await waitForStored(benReader.page, (a) => a.id === anas.id);
    const anasItem = bar.locator(`[data-annotation-id="${anas.id}"]`);
    expect(await anasItem.getByLabel(/^Move to/).count()).toBe(0);
    await anasItem.getByLabel(/^Copy to/).selectOption({ label: 'Private' });
    const copy = await waitForStored(
      benReader.page,
      (a) =>
        a.id !== anas.id &&
        a.targets[0]?.selectors.quote.exact === anas.targets[0]!.selectors.quote.exact,
    );
    const copyItem = bar.locator(`[data-annotation-id="${copy.id}"]`);
    await expect.poll(() => copyItem.locator('.ann-sync-line').textContent()).toBe('Private');
    // Copying is not choosing where new annotations go: Ben's still go to the group.
    const benPanel = await openSyncPanel(benReader.page);
    expect(
      await benPanel.getByLabel('New annotations go to').locator('option:checked').textContent(),
    ).toBe(groupLayer);
    await closeSyncPanel(benReader.page);

    // Two comparisons of readers': Ana's in the group, Ben's in his private layer.
    const [linking] = sampleAnnotations(builtinEditions()).filter(
      (a) => a.motivation === 'linking',
    );
    const comparison = (n: string, who: string, note: string) =>
      toAnnotationDoc(
        {
          ...linking!,
          id: `urn:uuid:00000000-0000-4000-8000-0000000c0${n}` as AnnotationId,
          link: { ...linking!.link!, note },
        },
        who,
      );
    const anasComparison = comparison('0a1', ana.name, 'Ana’s comparison.');
    const bensComparison = comparison('0b1', ben.name, 'Ben’s comparison.');
    for (const [who, db, doc] of [
      [ana, groupDatabaseName(GROUP), anasComparison],
      [ben, privateDatabaseName(ben.name), bensComparison],
    ] as const)
      expect(
        (await call(server.couchUrl, who, 'PUT', `${db}/${encodeURIComponent(doc._id)}`, doc))
          .status,
      ).toBe(201);
    await waitForStored(benReader.page, (a) => a.id === anasComparison._id);
    await waitForStored(benReader.page, (a) => a.id === bensComparison._id);

    // The sidebar: by layer, by author.
    const shownIds = () =>
      bar
        .locator('li.ann-item')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-annotation-id')));
    const layerMenu = bar.getByLabel('Filter by layer');
    const authorMenu = bar.getByLabel('Filter by author');
    await layerMenu.selectOption({ label: groupLayer });
    await expect.poll(shownIds).toContain(anas.id);
    expect(await shownIds()).not.toContain(moved.id);
    expect(await shownIds()).not.toContain(copy.id);
    await layerMenu.selectOption({ label: 'All layers' });
    await authorMenu.selectOption({ label: 'You (ben)' });
    await expect.poll(shownIds).not.toContain(anas.id);
    expect(await shownIds()).toEqual(expect.arrayContaining([moved.id, copy.id]));
    await authorMenu.selectOption({ label: 'All authors' });

    // The Compare view: the same filter; each reader's row says its layer and who made it.
    const view = await openCompareView(benReader);
    const rows = compareRows(view);
    const total = await rows.count();
    await view.getByLabel('Filter by layer').selectOption({ label: groupLayer });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ana’s comparison.');
    expect(await rows.first().locator('.own-badge').textContent()).toBe('Comparison by ana');
    expect(await rows.first().locator('.own-layer').textContent()).toBe(`${groupLayer} · by ana`);
    expect(
      await rows
        .first()
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(0);
    await benReader.screenshot('sync-compare-layer-filter');
    await view.getByLabel('Filter by layer').selectOption({ label: 'All layers' });
    await view.getByLabel('Filter by author').selectOption({ label: 'You (ben)' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ben’s comparison.');
    expect(await rows.first().locator('.own-badge').textContent()).toBe('Your comparison');
    expect(await rows.first().locator('.own-layer').textContent()).toBe('Private');
    expect(
      await rows
        .first()
        .getByRole('button', { name: /^Delete/ })
        .count(),
    ).toBe(1);
    await view.getByLabel('Filter by author').selectOption({ label: 'All authors' });
    await expect.poll(() => rows.count()).toBe(total);
    // "Your own" is Ben's own: Ana's group comparison is not his.
    await view.getByLabel('Whose').selectOption({ label: 'Your own' });
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Ben’s comparison.');
    await view.getByLabel('Whose').selectOption({ label: 'All comparisons' });
    await view.getByRole('button', { name: 'Close' }).click();
  });
});

describe('a signed-in reader who is not a member', () => {
  it('cannot join the group and sees nothing of it', async () => {
    await annotate(anaReader.page, 'lankov-2007:4', 0, 20, 'h');
    const anaNow = (await storedAnnotations(anaReader.page)).find(inParagraph('lankov-2007:4'));
    await waitForStored(benReader.page, (a) => a.id === anaNow!.id);

    await signIn(eveReader, server.url, eve);
    await waitForSyncStatus(eveReader.page, /^Synced\.$/);
    await joinGroup(eveReader.page, GROUP, false);
    const panel = syncPanel(eveReader.page);
    await expect.poll(() => panel.textContent()).toContain(`you are not a member of ${GROUP}`);
    const layers = await panel
      .getByLabel('New annotations go to')
      .locator('option')
      .allTextContents();
    expect(layers).toEqual(['Private (only you)']);
    expect(await storedAnnotations(eveReader.page)).toEqual([]);
    await eveReader.screenshot('sync-not-a-member');
  });

  it('gets 403 over HTTP for reads and writes, and a stranger 401', async () => {
    const db = groupDatabaseName(GROUP);
    const anaNow = (await storedAnnotations(anaReader.page)).find(inParagraph('lankov-2007:4'));
    expect((await call(server.couchUrl, eve, 'GET', `${db}/_all_docs`)).status).toBe(403);
    expect((await call(server.couchUrl, eve, 'GET', `${db}/_changes`)).status).toBe(403);
    // Membership is checked before anything else: even a well-formed annotation of eve's is refused.
    const forged = {
      _id: 'urn:uuid:00000000-0000-4000-8000-0000000000e1',
      id: 'urn:uuid:00000000-0000-4000-8000-0000000000e1',
      type: 'Annotation',
      target: 'urn:diptych:source:lankov-2007',
      creator: creatorOf('eve'),
    };
    expect(
      (await call(server.couchUrl, eve, 'PUT', `${db}/${encodeURIComponent(forged._id)}`, forged))
        .status,
    ).toBe(403);
    expect((await call(server.couchUrl, null, 'GET', `${db}/_all_docs`)).status).toBe(401);
    // A member cannot change another member's annotation either.
    const annDoc = await call(
      server.couchUrl,
      ben,
      'GET',
      `${db}/${encodeURIComponent(anaNow!.id)}`,
    );
    expect(annDoc.status).toBe(200);
    const edited = {
      ...annDoc.body,
      creator: { id: 'urn:diptych:user:ben', type: 'Person', nickname: 'ben' },
    };
    expect(
      (await call(server.couchUrl, ben, 'PUT', `${db}/${encodeURIComponent(anaNow!.id)}`, edited))
        .status,
    ).toBe(403);
  });

  it('a member leaves the group on one device: asked first, told what happens, every annotation kept', async () => {
    const page = anaReader.page;
    const before = await storedAnnotations(page);
    expect(before.length).toBeGreaterThan(0);
    const panel = await openSyncPanel(page);
    const joined = panel.getByRole('region', { name: 'Groups synced on this device:' });
    const leaveButton = joined.getByRole('button', { name: `Leave ${GROUP}`, exact: true });
    await leaveButton.click();
    // A question first, in the panel, with the focus on it: what happens here and on the server.
    const question = panel.getByRole('group', { name: `Leave ${GROUP} on this device?` });
    await expect.poll(() => question.evaluate((q) => q === document.activeElement)).toBe(true);
    const asked = (await question.textContent()) ?? '';
    expect(asked).toContain(`This browser stops syncing with ${GROUP}`);
    expect(asked).toContain('The annotations already here stay in this browser, no longer synced.');
    expect(asked).toContain(
      `Changes you make here to yours in ${GROUP} are kept, and sent if you join again.`,
    );
    // Her new annotations went to the group: they go to Private after, and the question says so.
    expect(asked).toContain('New annotations will go to Private.');
    expect(asked).toContain('Nothing changes on the server: you stay a member');
    await anaReader.screenshot('sync-leave-group-question');
    // Cancel leaves everything as it was, the focus back on Leave.
    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await question.count()).toBe(0);
    expect(await leaveButton.evaluate((b) => b === document.activeElement)).toBe(true);
    expect(
      await panel.getByLabel('New annotations go to').locator('option:checked').textContent(),
    ).toBe(`Group: ${GROUP}`);

    await leaveButton.click();
    await question.getByRole('button', { name: `Leave ${GROUP}`, exact: true }).click();
    const done = panel.locator('.sync-left');
    await expect
      .poll(() => done.textContent())
      .toBe(`Left ${GROUP} on this device. Its annotations already here stay in this browser.`);
    expect(await done.evaluate((p) => p === document.activeElement)).toBe(true);
    expect(await joined.count()).toBe(0);
    expect(
      await panel.getByLabel('New annotations go to').locator('option').allTextContents(),
    ).toEqual(['Private (only you)']);
    // It is offered again, to join back, and every annotation is still here.
    const listed = panel.getByRole('region', { name: 'Your groups on this server:' });
    await expect
      .poll(() => listed.locator('li').allTextContents())
      .toEqual([`${GROUP} Join ${GROUP}`]);
    expect(await storedAnnotations(page)).toEqual(before);
    await anaReader.screenshot('sync-left-group');
    // Her card of a group annotation says it stays, not synced, still the group's.
    await closeSyncPanel(page);
    const hers = before.find(inParagraph('lankov-2007:4'))!;
    const card = (await openSidebar(page)).locator(`[data-annotation-id="${hers.id}"]`);
    await expect
      .poll(() => card.locator('.ann-sync-line').textContent())
      .toBe(`Group: ${GROUP} (left on this device, not synced) · by you`);

    // Ben's next group annotation reaches the server, and not Ana's browser, reload included.
    await annotate(benReader.page, 'lankov-2007:6', 0, 20, 'h');
    const bens = (await storedAnnotations(benReader.page)).find(inParagraph('lankov-2007:6'))!;
    const onServer = () =>
      call(
        server.couchUrl,
        ana,
        'GET',
        `${groupDatabaseName(GROUP)}/${encodeURIComponent(bens.id)}`,
      ).then((r) => r.status);
    // Read as Ana: the server still counts her a member.
    await expect.poll(onServer, { timeout: 30_000 }).toBe(200);
    await anaReader.openApp();
    const again = await openSyncPanel(page);
    await waitForSyncStatus(page, /^Synced\.$/);
    expect(await again.getByRole('region', { name: 'Groups synced on this device:' }).count()).toBe(
      0,
    );
    expect(await storedAnnotations(page)).toEqual(before);
    await closeSyncPanel(page);
  });

  it('what she changes while left reaches the group when she joins again; her edit made elsewhere meanwhile is a conflict she sees', async () => {
    const page = anaReader.page;
    /** Reloads Ana's page, waits for it to have synced, then runs `then`. */
    const reloadThen = async <T>(then: () => Promise<T>): Promise<T> => {
      await anaReader.openApp();
      await openSyncPanel(page);
      await waitForSyncStatus(page, /^Synced\.$/);
      await closeSyncPanel(page);
      return then();
    };
    const docPath = (id: string) => `${groupDatabaseName(GROUP)}/${encodeURIComponent(id)}`;
    const stored = await storedAnnotations(page);
    const edited = stored.find(inParagraph('lankov-2007:4'))!;
    const deleted = stored.find(inParagraph('lankov-2007:9'))!;
    // Meanwhile, on another device of hers, the same annotation is edited and reaches the server.
    const onServer = await call(server.couchUrl, ana, 'GET', docPath(edited.id));
    expect(onServer.status).toBe(200);
    const elsewhere = {
      ...(edited as unknown as Annotation),
      note: 'Edited on her laptop',
      modified: new Date().toISOString(),
    };
    expect(
      (
        await call(server.couchUrl, ana, 'PUT', docPath(edited.id), {
          ...toAnnotationDoc(
            elsewhere,
            ana.name,
            'urn:diptych:device:00000000-0000-4000-8000-00000000a1a1',
          ),
          _rev: onServer.body['_rev'],
        })
      ).status,
    ).toBe(201);

    // Here, left: she edits one of her group annotations and deletes another.
    const bar = await openSidebar(page);
    const item = bar.locator(`[data-annotation-id="${edited.id}"]`);
    await editNote(page, edited.id, 'Edited while left');
    await bar
      .locator(`[data-annotation-id="${deleted.id}"]`)
      .getByRole('button', { name: /^Delete/ })
      .click();
    await waitForGone(page, deleted.id);
    await waitForStored(page, (a) => a.id === edited.id && a.note === 'Edited while left');
    await expect
      .poll(() => item.locator('.ann-sync-line').textContent())
      .toBe(`Group: ${GROUP} (left on this device, not synced) · by you`);

    // She joins again: the delete and the edit go up like offline changes.
    await openSyncPanel(page);
    await joinGroup(page, GROUP, false, 'list');
    await waitForSyncStatus(page, /^Synced\.$/);
    await closeSyncPanel(page);
    // "Synced." came after the rejoined layer caught up both ways: no long wait should be needed.
    await expect
      .poll(async () => (await call(server.couchUrl, ana, 'GET', docPath(deleted.id))).status, {
        message: 'the deletion made while left reached the server',
        timeout: scaled(15_000),
      })
      .toBe(404);
    // Both edits are on the server, one the winner and one its conflict: neither replaced the other.
    const notesOnServer = async (): Promise<string[]> => {
      const doc = await call(server.couchUrl, ana, 'GET', `${docPath(edited.id)}?conflicts=true`);
      const revs = [doc.body['_rev'], ...((doc.body['_conflicts'] as unknown[]) ?? [])];
      const texts = await Promise.all(
        revs.map((rev) =>
          call(server.couchUrl, ana, 'GET', `${docPath(edited.id)}?rev=${String(rev)}`).then((r) =>
            JSON.stringify(r.body),
          ),
        ),
      );
      return ['Edited while left', 'Edited on her laptop'].filter((note) =>
        texts.some((t) => t.includes(note)),
      );
    };
    await expect
      .poll(notesOnServer, {
        message: 'both edits are on the server',
        timeout: scaled(15_000),
      })
      .toEqual(['Edited while left', 'Edited on her laptop']);
    // She sees the conflict, with both versions, after a reload too; the deletion stays.
    const versionsShown = async (): Promise<string> => {
      const card = (await openSidebar(page)).locator(`[data-annotation-id="${edited.id}"]`);
      await expect
        .poll(() => card.getByRole('group', { name: 'Edited elsewhere too' }).count(), {
          timeout: scaled(60_000),
        })
        .toBe(1);
      await card.getByRole('button', { name: 'Show the other version' }).click();
      return (await card.locator('.ann-conflict-versions').textContent()) ?? '';
    };
    for (const shown of [await versionsShown(), await reloadThen(versionsShown)]) {
      expect(shown).toContain('Edited while left');
      expect(shown).toContain('Edited on her laptop');
    }
    await anaReader.screenshot('sync-rejoined-conflict');
    expect((await storedAnnotations(page)).some((a) => a.id === deleted.id)).toBe(false);
    expect(
      (await call(server.couchUrl, ana, 'GET', docPath(deleted.id))).status,
      'the deletion stays deleted on the server after her reload',
    ).toBe(404);
  });

  it('she leaves and removes the group from this browser: asked first (with the change not yet sent), everyone’s annotations of it gone, hers in Private kept, nothing left in IndexedDB; joining again brings them back', async () => {
    const page = anaReader.page;
    const groupIdb = () =>
      page.evaluate(async (db) => {
        const names = (await indexedDB.databases()).map((d) => d.name ?? '');
        return names.filter((n) => n.includes(db));
      }, groupDatabaseName(GROUP));
    // The group's replica is in IndexedDB while joined (so its absence later means something).
    expect(await groupIdb()).not.toEqual([]);
    // Her new annotations go to Private since she left once: this one must stay.
    await annotate(page, 'lankov-2007:5', 0, 25, 'h');
    const privateOne = (await storedAnnotations(page)).find(inParagraph('lankov-2007:5'))!;
    const bar = await openSidebar(page);
    await expect
      .poll(() =>
        bar.locator(`[data-annotation-id="${privateOne.id}"] .ann-sync-line`).textContent(),
      )
      .toBe('Private');
    const stored = await storedAnnotations(page);
    const hers = stored.find(inParagraph('lankov-2007:4'))!;
    const bens = stored.find(inParagraph('lankov-2007:6'))!;
    expect(hers).toBeDefined();
    expect(bens).toBeDefined();
    const quoteOf = (a: StoredAnnotation) => a.targets[0]!.selectors.quote.exact.trim();
    const painted = () => paintedTexts(page, 'diptych-yellow').then((t) => t.map((q) => q.trim()));
    await expect.poll(painted).toEqual(expect.arrayContaining([quoteOf(hers), quoteOf(bens)]));

    // Offline, she edits hers: a change not yet on the server, which removal would lose.
    await page.context().setOffline(true);
    const item = bar.locator(`[data-annotation-id="${hers.id}"]`);
    await editNote(page, hers.id, 'Edited offline, then removed');
    await expect.poll(() => item.textContent()).toContain('not synced yet');

    const panel = await openSyncPanel(page);
    await panel.getByRole('button', { name: `Leave ${GROUP}`, exact: true }).click();
    const question = panel.getByRole('group', { name: `Leave ${GROUP} on this device?` });
    await expect.poll(() => question.evaluate((q) => q === document.activeElement)).toBe(true);
    const asked = (await question.textContent()) ?? '';
    expect(asked).toContain(
      `you can also remove ${GROUP} from this browser: its annotations, everyone’s, disappear from this browser`,
    );
    expect(asked).toContain(
      'Nothing changes on the server or for the other members; joining again brings them back from the server.',
    );
    expect(asked).toContain(`1 change of yours to ${GROUP} has not reached the server yet`);
    expect(asked).toContain('If you remove its annotations from this browser, it is lost.');
    // The plain Leave is still there, and the removal says what it loses.
    expect(
      await question.getByRole('button', { name: `Leave ${GROUP}`, exact: true }).count(),
    ).toBe(1);
    const remove = question.getByRole('button', {
      name: 'Leave and remove its annotations from this browser, losing 1 change not yet sent',
      exact: true,
    });
    expect(await remove.count()).toBe(1);
    await anaReader.screenshot('sync-leave-remove-question');
    await resizeTo(page, VIEWPORTS.narrow);
    await remove.scrollIntoViewIfNeeded();
    await anaReader.screenshot('sync-leave-remove-question-narrow');
    await resizeTo(page, VIEWPORTS.wide);

    await remove.click();
    const done = panel.locator('.sync-left');
    await expect
      .poll(() => done.textContent())
      .toMatch(
        new RegExp(
          `^Left ${GROUP} and removed its annotations from this browser \\(\\d+ annotations?\\)\\. Joining again brings them back from the server\\.$`,
        ),
      );
    expect(await done.evaluate((p) => p === document.activeElement)).toBe(true);
    await page.context().setOffline(false);
    await closeSyncPanel(page);

    /** Everything of the group gone here, hers in Private kept: in the store, the sidebar, the text, IndexedDB. */
    const goneHere = async (): Promise<void> => {
      const ids = (await storedAnnotations(page)).map((a) => a.id);
      expect(ids).toContain(privateOne.id);
      expect(ids).not.toContain(hers.id);
      expect(ids).not.toContain(bens.id);
      const cards = await openSidebar(page);
      await cards.locator(`[data-annotation-id="${privateOne.id}"]`).waitFor();
      for (const id of [hers.id, bens.id])
        expect(await cards.locator(`[data-annotation-id="${id}"]`).count()).toBe(0);
      // Only what is near the viewport is painted: her private one, beside where the group's were.
      await anaReader.paragraph('lankov-2007:5').scrollIntoViewIfNeeded();
      await expect.poll(painted).toContain(quoteOf(privateOne));
      expect(await painted()).not.toContain(quoteOf(bens));
      // Nothing of the group is left: its replica's database, its layer in the settings.
      await expect.poll(groupIdb).toEqual([]);
      const settings = await page.evaluate(() => localStorage.getItem('diptych:sync:v1'));
      expect(settings).not.toContain(groupDatabaseName(GROUP));
    };
    await goneHere();
    await anaReader.openApp();
    await openSyncPanel(page);
    await waitForSyncStatus(page, /^Synced\.$/);
    await closeSyncPanel(page);
    await goneHere();

    // Joining again brings them back from the server, as a first join: the server's versions.
    await openSyncPanel(page);
    await joinGroup(page, GROUP, false, 'list');
    await waitForSyncStatus(page, /^Synced\.$/);
    await closeSyncPanel(page);
    await waitForStored(page, (a) => a.id === bens.id);
    const back = await waitForStored(page, (a) => a.id === hers.id);
    expect(back.note).not.toBe('Edited offline, then removed');
    expect(await groupIdb()).not.toEqual([]);
  });

  it('sign out keeps the local annotations', async () => {
    const before = await storedAnnotations(benReader.page);
    expect(before.length).toBeGreaterThan(0);
    const panel = await openSyncPanel(benReader.page);
    await panel.getByRole('button', { name: 'Sign out' }).click();
    await waitForSyncStatus(benReader.page, /^Not signed in/);
    expect(await storedAnnotations(benReader.page)).toEqual(before);
    await benReader.openApp();
    expect(await storedAnnotations(benReader.page)).toEqual(before);
  });
});
