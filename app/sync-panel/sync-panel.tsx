/**
 * The **Sync** panel (issue 13; its header button is `sync-button.tsx`, and
 * this module a lazy chunk): the server
 * address (by default the origin the reader came from), user name and
 * password; once signed in, the state in words (offline, with how many
 * changes wait to go up), the time of the last
 * successful sync, the layers (private and groups), joining a group (by
 * name, or with the Join button beside each group the server lists for the
 * reader), leaving a group on this device (`joined-groups.tsx`), the layer new
 * annotations go to, the documents refused, a record edited on two
 * devices (both versions, and **Keep this version**), and **Sign out**,
 * which keeps every annotation in this browser.
 *
 * The password lives only in this form's input until Sign in sends it; it
 * is never stored. Everything from the server is rendered as React text.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RecordConflictVersion } from '../../annotations/replica/record-replica.ts';
import { FIELD_LABELS, type EditableField } from '../../sources/citation/editable-fields.ts';
import { ModalDialog } from '../citations/modal-dialog.tsx';
import { sourceLabel } from '../citations/source-label.ts';
import { JoinedGroups } from './joined-groups.tsx';
import { layerName } from './layer-name.ts';
import { changesWaiting } from './sync-line.ts';
import { formatSyncTime } from './sync-time.ts';
import type { SyncUi } from './use-sync.ts';
import { versionOrigin } from './version-origin.ts';
import { counted } from '../../sources/util/plural.ts';

/** The panel, while open. */
export function SyncPanel({ sync }: { readonly sync: SyncUi }): ReactNode {
  if (!sync.panelOpen) return null;
  return (
    <ModalDialog title="Sync" className="sync-dialog" onClose={() => sync.setPanelOpen(false)}>
      <SyncPanelBody sync={sync} />
    </ModalDialog>
  );
}

function SyncPanelBody({ sync }: { readonly sync: SyncUi }): ReactNode {
  const { engine, snapshot } = sync;
  const status = useRef<HTMLParagraphElement>(null);
  const signedIn = snapshot?.signedIn;
  // Signing in or out replaces the form the reader was using (Sign in, Sign out) with the other
  // one, and focus fell out of the dialog to the page's body, where a keyboard or screen-reader
  // user is nowhere. It goes to the state line, which says what just happened. (Made focusable
  // only then: with a tabindex from the start, opening the dialog would focus it instead of the
  // first control. Not before the dialog is shown: this runs before the dialog's own effect.)
  useEffect(() => {
    const line = status.current;
    const dialog = line?.closest('dialog');
    if (!line || !dialog?.open || dialog.contains(document.activeElement)) return;
    line.tabIndex = -1;
    line.focus();
  }, [signedIn]);
  if (!engine || !snapshot) return <p role="status">Loading…</p>;
  return (
    <>
      <p ref={status} className="sync-status" role="status" data-sync-state={snapshot.status.kind}>
        {snapshot.status.words}
      </p>
      {/* How many, as the header's badge and sentence say (sync-button.tsx); once the connection
          returns, the state line counts them ("Syncing 3 changes…"). */}
      {snapshot.status.kind === 'offline' && snapshot.unsent.size > 0 && (
        <p className="sync-waiting-count">{changesWaiting(snapshot.unsent.size)}.</p>
      )}
      {snapshot.message && (
        <p className="sync-message" role="alert">
          {snapshot.message}{' '}
          <button type="button" onClick={() => engine.dismissMessage()}>
            Dismiss
          </button>
        </p>
      )}
      {Object.keys(snapshot.recordConflicts).length > 0 && <RecordConflicts sync={sync} />}
      {snapshot.signedIn ? <SignedIn sync={sync} /> : <SignInForm sync={sync} />}
      {snapshot.rejected.length > 0 && (
        <details className="sync-rejected">
          <summary>
            {counted(snapshot.rejected.length, 'document was', 'documents were')} rejected
          </summary>
          <ul>
            {snapshot.rejected.map((r, i) => (
              <li key={`${r.layer}:${r.id}:${i}`}>
                <code>{r.id.length > 120 ? `${r.id.slice(0, 120)}…` : r.id}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

/**
 * One version of a record edit in words: where and when it was made (as an annotation's versions
 * say it, `versionOrigin`; a private layer's, so no author), then each field the reader set.
 */
function describeRecordVersion(v: RecordConflictVersion): string {
  const fields = Object.entries(v.fields).map(
    ([field, value]) => `${FIELD_LABELS[field as EditableField].replace(/ \(.*$/, '')}: ${value}`,
  );
  return [versionOrigin(v, { user: null, group: false }), ...fields].join(' · ');
}

/**
 * A source's record edited on two devices before they synced: both versions
 * are kept (in the private layer's revision tree); the reader keeps one, and
 * the choice reaches their other devices.
 */
function RecordConflicts({ sync }: { readonly sync: SyncUi }): ReactNode {
  const engine = sync.engine!;
  const conflicts = sync.snapshot!.recordConflicts;
  return (
    <section className="sync-record-conflicts" aria-label="Records edited on two devices">
      <h3>Record edited on two devices</h3>
      {Object.entries(conflicts).map(([source, versions]) => (
        <div key={source} className="sync-record-conflict" data-source={source}>
          <p>
            <strong>{sourceLabel(source)}</strong>: both versions are kept until you choose; the
            citations use the first.
          </p>
          <ul>
            {versions.map((v) => (
              <li key={v.rev}>
                <p>{describeRecordVersion(v)}</p>
                <button
                  type="button"
                  onClick={() => void engine.resolveRecordConflict(source, v.rev)}
                >
                  Keep this version
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function SignInForm({ sync }: { readonly sync: SyncUi }): ReactNode {
  const snapshot = sync.snapshot!;
  const id = useId();
  const [server, setServer] = useState(snapshot.server);
  const [user, setUser] = useState(snapshot.user ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const pw = password;
    setPassword('');
    void sync.engine!.signIn(server.trim(), user.trim(), pw).finally(() => setBusy(false));
  };
  return (
    <form className="sync-form" onSubmit={submit}>
      <p className="sync-hint">
        Sign in to keep your annotations on a server, on every device, and to share them with a
        reading group. Without it they stay in this browser.
      </p>
      <label htmlFor={`${id}-server`}>Server address</label>
      <input
        id={`${id}-server`}
        type="url"
        required
        value={server}
        onChange={(e) => setServer(e.target.value)}
      />
      <label htmlFor={`${id}-user`}>User name</label>
      <input
        id={`${id}-user`}
        autoComplete="username"
        required
        value={user}
        onChange={(e) => setUser(e.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {/* aria-disabled, not disabled: a disabled button loses the focus (to the page's body),
          and after a refused sign-in the reader was left nowhere. */}
      <button type="submit" aria-disabled={busy || undefined}>
        Sign in
      </button>
    </form>
  );
}

function SignedIn({ sync }: { readonly sync: SyncUi }): ReactNode {
  const engine = sync.engine!;
  const snapshot = sync.snapshot!;
  const id = useId();
  const [group, setGroup] = useState('');
  // The group last joined here, to confirm it: joining changes nothing a reader sees at once
  // (its annotations arrive as they sync) and does not change where new annotations go, so a
  // student who joined expecting to share kept highlighting into Private, unaware.
  const [joined, setJoined] = useState<string | null>(null);
  // A Join button beside a listed group leaves the list with its group, and focus fell to the
  // page's body: it goes to the confirmation instead, which says what the join did.
  const confirmation = useRef<HTMLParagraphElement>(null);
  const focusConfirmation = useRef(false);
  const joinNamed = (name: string, fromList: boolean) => {
    setJoined(null);
    focusConfirmation.current = fromList;
    void engine.joinGroup(name).then(() => setJoined(name));
  };
  const join = (e: FormEvent) => {
    e.preventDefault();
    const name = group.trim();
    setGroup('');
    joinNamed(name, false);
  };
  const joinedLayer = snapshot.layers.find((l) => l.kind === 'group' && l.label === joined);
  const defaultLayer = snapshot.layers.find((l) => l.db === snapshot.defaultLayer);
  useEffect(() => {
    if (!joinedLayer || !focusConfirmation.current) return;
    focusConfirmation.current = false;
    confirmation.current?.focus();
  }, [joinedLayer]);
  return (
    <>
      <p>
        Signed in as <strong>{snapshot.user}</strong> at {snapshot.server}.
      </p>
      <p className="sync-last">Last synced: {formatSyncTime(snapshot.lastSync)}</p>
      <label htmlFor={`${id}-layer`}>New annotations go to</label>{' '}
      <select
        id={`${id}-layer`}
        value={snapshot.defaultLayer ?? ''}
        onChange={(e) => engine.setDefaultLayer(e.target.value)}
      >
        {snapshot.layers.map((l) => (
          <option key={l.db} value={l.db}>
            {l.kind === 'private' ? `${layerName(l)} (only you)` : layerName(l)}
          </option>
        ))}
      </select>
      {snapshot.suggestedGroups.length > 0 && (
        <section className="sync-groups" aria-labelledby={`${id}-your-groups`}>
          <p id={`${id}-your-groups`} className="sync-hint">
            Your groups on this server:
          </p>
          <ul>
            {snapshot.suggestedGroups.map((g) => (
              <li key={g}>
                <span className="sync-group-name">{g}</span>{' '}
                <button type="button" onClick={() => joinNamed(g, true)}>
                  Join<span className="visually-hidden"> {g}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form className="sync-join" onSubmit={join}>
        <label htmlFor={`${id}-group`}>Join a group</label>
        <input
          id={`${id}-group`}
          list={`${id}-groups`}
          value={group}
          onChange={(e) => setGroup(e.target.value)}
          placeholder="group name"
          required
        />
        <datalist id={`${id}-groups`}>
          {snapshot.suggestedGroups.map((g) => (
            <option key={g} value={g} />
          ))}
        </datalist>
        <button type="submit">Join</button>
      </form>
      {joinedLayer && (
        <p className="sync-joined" role="status" tabIndex={-1} ref={confirmation}>
          Joined {joinedLayer.label}: its members’ annotations appear as they sync.{' '}
          {snapshot.defaultLayer === joinedLayer.db ? (
            <>New annotations go to {joinedLayer.label}.</>
          ) : (
            <>
              New annotations still go to {defaultLayer ? layerName(defaultLayer) : 'Private'}.{' '}
              <button type="button" onClick={() => engine.setDefaultLayer(joinedLayer.db)}>
                Share new annotations with {joinedLayer.label}
              </button>
            </>
          )}
        </p>
      )}
      <JoinedGroups sync={sync} />
      <p>
        <button type="button" onClick={() => void engine.signOut()}>
          Sign out
        </button>{' '}
        <span className="sync-hint">Your annotations stay in this browser.</span>
      </p>
    </>
  );
}
