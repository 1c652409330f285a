/**
 * The Sync panel's "Groups synced on this device" list: each group joined
 * here, with **Leave**, which asks first and says what happens to what is
 * in this browser (it stays, no longer synced; the reader's changes to their
 * own annotations of it are kept and sent on joining again) and on the server (nothing
 * changes there: membership is the server's, `diptych groups`). Before it,
 * a group once joined could not be left on a device but by clearing the
 * site's data.
 *
 * What it is not for: joining (the panel's own form and list) or removing a
 * member from a group (an admin's `diptych` command). Group names and
 * counts are rendered as React text.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Layer } from '../../annotations/replica/sync-engine.ts';
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
  const [left, setLeft] = useState<string | null>(null);
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
  const leave = (layer: Layer) => {
    setAsking(null);
    void engine.leaveGroup(layer.label).then(() => setLeft(layer.label));
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
          {waiting > 0 && (
            <p>
              {counted(waiting, 'change')} of yours to {asking.label}{' '}
              {waiting === 1 ? 'has' : 'have'} not reached the server yet: {asking.label}’s other
              members will not see {waiting === 1 ? 'it' : 'them'} unless you join again.
            </p>
          )}
          <p>
            Nothing changes on the server: you stay a member, and can join {asking.label} here
            again.
          </p>
          <button type="button" onClick={() => leave(asking)}>
            Leave {asking.label}
          </button>{' '}
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
      )}
      {left && (
        <p className="sync-left" role="status" tabIndex={-1} ref={done}>
          Left {left} on this device. Its annotations already here stay in this browser.
        </p>
      )}
    </>
  );
}
