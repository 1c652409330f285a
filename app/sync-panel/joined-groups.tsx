/**
 * The Sync panel's "Groups synced on this device" list: each group joined
 * here, with **Leave**, which asks first and says what happens to what is
 * in this browser (it stays, no longer synced; the reader's changes to their
 * own annotations of it are kept and sent on joining again) and on the server (nothing
 * changes there: membership is the server's, `diptych groups`). Before it,
 * a group once joined could not be left on a device but by clearing the
 * site's data. Beside it, **Leave and remove its annotations from this
 * browser** (a shared or borrowed computer): the question says what that
 * removes (everyone's annotations of the group, here only; joining again
 * brings them back from the server) and, when changes of the reader's to the
 * group have not reached the server, that they will be lost, and how many:
 * the button says so too, so nothing goes without warning.
 *
 * What it is not for: joining (the panel's own form and list) or removing a
 * member from a group (an admin's `diptych` command). Group names and
 * counts are rendered as React text.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { LeaveResult, Layer } from '../../annotations/replica/sync-engine.ts';
import { counted } from '../../sources/util/plural.ts';
import type { SyncUi } from './use-sync.ts';

/** The list, the question before leaving, and the word after. */
export function JoinedGroups({ sync }: { readonly sync: SyncUi }): ReactNode {
  const engine = sync.engine!;
  const snapshot = sync.snapshot!;
  const id = useId();
  const groups = snapshot.layers.filter((l) => l.kind === 'group');
  // The group whose Leave was pressed (the question shows under the list), and the group left.
  const [asking, setAsking] = useState<Layer | null>(null);
  const [left, setLeft] = useState<Left | null>(null);
  const question = useRef<HTMLDivElement>(null);
  // The Leave button that asked: Cancel puts the focus back on it (the question it had is gone).
  const opener = useRef<HTMLButtonElement | null>(null);
  const done = useRef<HTMLParagraphElement>(null);
  // The question replaces nothing, but a keyboard user must land on it to hear it; after
  // leaving, the list item with its Leave button is gone and focus would fall to the page.
  useEffect(() => {
    if (asking) question.current?.focus();
  }, [asking]);
  useEffect(() => {
    if (left) done.current?.focus();
  }, [left]);
  const leave = (layer: Layer, removeFromThisBrowser: boolean) => {
    setAsking(null);
    void engine
      .leaveGroup(layer.label, { removeFromThisBrowser })
      .then((result) => setLeft({ group: layer.label, removed: removeFromThisBrowser, result }));
  };
  const waiting = asking
    ? [...snapshot.unsent].filter((a) => snapshot.layerOf[a] === asking.db).length
    : 0;
  return (
    <>
      {groups.length > 0 && (
        <section className="sync-groups sync-joined-groups" aria-labelledby={`${id}-joined`}>
          <p id={`${id}-joined`} className="sync-hint">
            Groups synced on this device:
          </p>
          <ul>
            {groups.map((g) => (
              <li key={g.db}>
                <span className="sync-group-name">{g.label}</span>{' '}
                <button
                  type="button"
                  aria-expanded={asking?.db === g.db}
                  onClick={(e) => {
                    opener.current = e.currentTarget;
                    setLeft(null);
                    setAsking(g);
                  }}
                >
                  Leave<span className="visually-hidden"> {g.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {asking && groups.some((g) => g.db === asking.db) && (
        <div
          className="sync-leave-question"
          role="group"
          aria-labelledby={`${id}-leave`}
          tabIndex={-1}
          ref={question}
        >
          <p id={`${id}-leave`}>
            <strong>Leave {asking.label} on this device?</strong>
          </p>
          <p>
            This browser stops syncing with {asking.label}: its members’ new annotations stop
            arriving here, and yours stop going to it. The annotations already here stay in this
            browser, no longer synced. Changes you make here to yours in {asking.label} are kept,
            and sent if you join again.
            {snapshot.defaultLayer === asking.db && ' New annotations will go to Private.'}
          </p>
          <p>
            Nothing changes on the server: you stay a member, and can join {asking.label} here
            again.
          </p>
          <p>
            On a shared or borrowed computer, you can also remove {asking.label} from this browser:
            its annotations, everyone’s, disappear from this browser, and its copy here is deleted.
            Nothing changes on the server or for the other members; joining again brings them back
            from the server.
          </p>
          {waiting > 0 && (
            <p className="sync-leave-waiting">
              {counted(waiting, 'change')} of yours to {asking.label}{' '}
              {waiting === 1 ? 'has' : 'have'} not reached the server yet: {asking.label}’s other
              members will not see {waiting === 1 ? 'it' : 'them'} unless you join again.{' '}
              <strong>
                If you remove its annotations from this browser,{' '}
                {waiting === 1 ? 'it is' : 'they are'} lost.
              </strong>
            </p>
          )}
          <div className="sync-leave-actions">
            <button type="button" onClick={() => leave(asking, false)}>
              Leave {asking.label}
            </button>
            <button type="button" onClick={() => leave(asking, true)}>
              Leave and remove its annotations from this browser
              {waiting > 0 && `, losing ${counted(waiting, 'change')} not yet sent`}
            </button>
            <button
              type="button"
              onClick={() => {
                setAsking(null);
                opener.current?.focus();
              }}
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {left && (
        <p className="sync-left" role="status" tabIndex={-1} ref={done}>
          {leftWords(left)}
        </p>
      )}
    </>
  );
}

/** A group just left, and what became of its annotations here. */
interface Left {
  readonly group: string;
  /** Whether the reader chose to remove its annotations from this browser. */
  readonly removed: boolean;
  readonly result: LeaveResult;
}

/** The word after leaving: what happened here, and what went wrong removing, if anything. */
function leftWords({ group, removed, result }: Left): string {
  if (!removed)
    return `Left ${group} on this device. Its annotations already here stay in this browser.`;
  if (result.problem !== null) return `Left ${group}. ${result.problem}`;
  return `Left ${group} and removed its annotations from this browser (${counted(result.removed, 'annotation')}). Joining again brings them back from the server.`;
}
