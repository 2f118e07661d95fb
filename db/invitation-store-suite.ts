import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingMail, Store } from '@/db/store';
import { answer, NOW, poll, type OpenedStore } from '@/db/store-suite';

/** The invitations' part of the store, on every engine (run beside db/store-suite.ts). */
export function describeInvitationStore(engine: string, open: () => Promise<OpenedStore>) {
  describe(`the ${engine} store’s invitations`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    async function invitedPoll() {
      const id = await store.transaction((tx) => store.insertPoll(tx, poll, NOW));
      const before = await opened.version(id);
      const invited = await store.transaction((tx) =>
        store.insertInvitations(tx, id, ['ana@example.org', 'bo@example.org'], 'fr', NOW),
      );
      expect(await opened.version(id)).toBe(before + 1);
      return { id, invited };
    }

    function mail(pollId: string, key: string, dueAt?: number): OutgoingMail {
      return {
        pollId,
        kind: 'autoReminder',
        recipient: 'ana@example.org',
        idempotencyKey: key,
        message: { subject: 's', text: key, html: '<p>t</p>', headers: {}, calendar: null },
        unsubscribeTokenHash: `hash-${key}`,
        ...(dueAt === undefined ? {} : { dueAt }),
      };
    }

    it('keeps invitations with their language, finds one by a link’s hash on its poll only', async () => {
      const { id, invited } = await invitedPoll();
      const [ana] = invited;
      await store.transaction((tx) =>
        store.addInvitationLinks(
          tx,
          [{ invitationId: ana!.id, tokenHash: 'h1', mailKey: 'k1' }],
          NOW,
        ),
      );
      const found = await store.findInvitation(store, id, 'h1');
      expect(found).toMatchObject({ email: 'ana@example.org', locale: 'fr', participantId: null });
      expect(await store.findInvitation(store, id, 'h2')).toBeNull();
      const other = await store.transaction((tx) => store.insertPoll(tx, poll, NOW));
      expect(await store.findInvitation(store, other, 'h1')).toBeNull();
      expect((await store.getInvitations(store, id)).map((i) => i.email)).toEqual([
        'ana@example.org',
        'bo@example.org',
      ]);
      await expect(
        store.transaction((tx) => store.insertInvitations(tx, id, ['ana@example.org'], 'en', NOW)),
      ).rejects.toThrow();
    });

    it('links an answer, forgets it when the answer goes, and marks reminders with a new version', async () => {
      const { id, invited } = await invitedPoll();
      const optionIds = (await store.getOptionIds(store, id))!;
      const participantId = await store.transaction(async (tx) => {
        const pid = await store.insertAnswer(tx, id, answer(optionIds, 'yes'), NOW);
        await store.linkInvitation(tx, invited[0]!.id, pid);
        return pid;
      });
      expect((await store.getInvitations(store, id))[0]!.participantId).toBe(participantId);
      const before = await opened.version(id);
      await store.transaction((tx) =>
        store.markInvitationsReminded(tx, id, [invited[1]!.id], NOW + 5),
      );
      expect(await opened.version(id)).toBe(before + 1);
      await store.transaction((tx) => store.deleteParticipant(tx, id, participantId, NOW));
      expect(
        (await store.getInvitations(store, id)).map((i) => [i.participantId, i.remindedAt]),
      ).toEqual([
        [null, null],
        [null, NOW + 5],
      ]);
    });

    it('says which invited address stopped mail', async () => {
      const { id } = await invitedPoll();
      await store.transaction((tx) => store.stopMailTo(tx, id, 'bo@example.org', NOW));
      expect((await store.getInvitations(store, id)).map((i) => i.stopped)).toEqual([false, true]);
    });

    it('lists mail keys of a kind, moves a parked mail, and drops unsent mail with its links', async () => {
      const { id, invited } = await invitedPoll();
      const far = 8_640_000_000_000_000;
      await store.transaction(async (tx) => {
        await store.enqueueMail(tx, [mail(id, 'a', far), mail(id, 'b'), mail(id, 'c')], NOW);
        await store.addInvitationLinks(
          tx,
          ['a', 'b', 'c'].map((key) => ({
            invitationId: invited[0]!.id,
            tokenHash: `t-${key}`,
            mailKey: key,
          })),
          NOW,
        );
      });
      const rules = { leaseMs: 60_000, limit: 10, maxAttempts: 3 };
      const claimed = await store.transaction((tx) => store.claimMail(tx, NOW, rules));
      expect(claimed.map((m) => m.idempotencyKey).sort()).toEqual(['b', 'c']);
      const b = claimed.find((m) => m.idempotencyKey === 'b')!;
      await store.transaction((tx) => store.markMailSent(tx, b.id, NOW));
      expect(
        (await store.getMailKeys(store, id, 'autoReminder')).sort((x, y) =>
          x.key.localeCompare(y.key),
        ),
      ).toEqual([
        { key: 'a', sent: false },
        { key: 'b', sent: true },
        { key: 'c', sent: false },
      ]);
      await store.transaction((tx) => store.setMailDue(tx, 'a', NOW));
      await store.transaction((tx) => store.dropMailByKeys(tx, ['b', 'c']));
      expect((await store.getMailKeys(store, id, 'autoReminder')).map((k) => k.key).sort()).toEqual(
        ['a', 'b'],
      );
      expect(await store.findInvitation(store, id, 't-c')).toBeNull();
      const again = await store.transaction((tx) => store.claimMail(tx, NOW + 120_000, rules));
      expect(again.map((m) => m.idempotencyKey)).toEqual(['a']);
    });
  });
}
