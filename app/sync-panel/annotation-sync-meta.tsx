/**
 * What the sidebar shows of an annotation's sync: its layer and, in a
 * group, who made it; "not synced yet" while the reader's change to it has
 * not reached the server (offline, say); "Edited elsewhere too" with the other version a click
 * away and the choice of which to keep; moving the reader's own annotation
 * to another layer, or copying anyone's into a layer of theirs.
 *
 * Everything from the server (names, notes, tags) is React text.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { Annotation } from '../../annotations/model/annotation.ts';
import type { ConflictVersion } from '../../annotations/replica/sync-engine.ts';
import type { AnnotationSyncFacts } from './layer-filter.ts';
import { layerName } from './layer-name.ts';
import { NOT_SYNCED, syncLine } from './sync-line.ts';
import type { SyncUi } from './use-sync.ts';
import { versionOrigin } from './version-origin.ts';

/** Where and when a version was made (`versionOrigin`), then what it holds. */
function describeVersion(v: ConflictVersion, context: Parameters<typeof versionOrigin>[1]): string {
  const a = v.annotation;
  const parts = [
    versionOrigin({ made: v.made, author: v.author, modified: a.modified }, context),
    a.note ? `Note: ${a.note}` : 'No note',
    a.tags.length ? `Tags: ${a.tags.join(', ')}` : '',
    a.color ? `Colour: ${a.color}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The sync line and controls under an annotation in the sidebar. */
export function AnnotationSyncMeta({
  sync,
  annotation,
  facts,
}: {
  readonly sync: SyncUi;
  readonly annotation: Annotation;
  readonly facts: AnnotationSyncFacts;
}): ReactNode {
  const [showOther, setShowOther] = useState(false);
  const versionId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Keeping a version removes the buttons with the notice, and focus fell to the page's body: it
  // goes to the annotation's card instead, when the choice was made here (a conflict resolved
  // on another device must not take the focus).
  const resolvedHere = useRef(false);
  const inConflict = facts.conflict !== null;
  useEffect(() => {
    if (inConflict || !resolvedHere.current) return;
    resolvedHere.current = false;
    const item = box.current?.closest<HTMLElement>('li.ann-item');
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (item && lost) item.focus({ preventScroll: true });
  }, [inConflict]);
  const engine = sync.engine;
  const keep = (rev: string) => {
    resolvedHere.current = true;
    void engine?.resolveConflict(annotation.id, rev);
  };
  const layers = sync.snapshot?.layers ?? [];
  const others =
    facts.conflict?.filter((v) => JSON.stringify(v.annotation) !== JSON.stringify(annotation)) ??
    [];
  const shown = facts.conflict?.find(
    (v) => JSON.stringify(v.annotation) === JSON.stringify(annotation),
  );
  const context = { user: sync.snapshot?.user ?? null, group: facts.layer?.kind === 'group' };
  // A copy goes to the chosen layer without changing where the next highlights go (a private
  // note copied to a group once made every later highlight a group one).
  const copyTo = (db: string) => {
    if (!engine || !db) return;
    const { id: _id, created: _c, modified: _m, origin: _o, ...content } = annotation;
    engine.addToLayer(db, () => sync.copy(content));
  };
  return (
    <div className="ann-sync" ref={box}>
      <p className="ann-sync-line">
        {syncLine(facts)}
        {facts.unsent && facts.layer && <span className="ann-unsent"> · {NOT_SYNCED}</span>}
      </p>
      {facts.conflict && (
        <div className="ann-conflict" role="group" aria-label="Edited elsewhere too">
          <p>
            <strong>Edited elsewhere too.</strong>{' '}
            <button
              type="button"
              aria-expanded={showOther}
              onClick={() => setShowOther(!showOther)}
            >
              {showOther ? 'Hide the other version' : 'Show the other version'}
            </button>
          </p>
          {/* Each choice says what it keeps: "Keep this version" stood alone, the version it
              meant shown further down the card, below the layer menus. */}
          {showOther && (
            <ul className="ann-conflict-versions">
              {shown && (
                <li>
                  <p id={`${versionId}-shown`}>
                    This version (shown): {describeVersion(shown, context)}
                  </p>
                  <button
                    type="button"
                    aria-describedby={`${versionId}-shown`}
                    onClick={() => keep(shown.rev)}
                  >
                    Keep this version
                  </button>
                </li>
              )}
              {others.map((v, i) => (
                <li key={v.rev}>
                  <p id={`${versionId}-other-${i}`}>
                    The other version: {describeVersion(v, context)}
                  </p>
                  <button
                    type="button"
                    aria-describedby={`${versionId}-other-${i}`}
                    onClick={() => keep(v.rev)}
                  >
                    Keep the other version
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(layers.length > 1 || !facts.mine) && (
        <div className="ann-layer-tools">
          {facts.mine && facts.layer && (
            <label>
              Move to{' '}
              <select
                value=""
                onChange={(e) =>
                  e.target.value && void engine?.moveToLayer(annotation.id, e.target.value)
                }
              >
                <option value="">a layer…</option>
                {layers
                  .filter((l) => l.db !== facts.layer?.db)
                  .map((l) => (
                    <option key={l.db} value={l.db}>
                      {layerName(l)}
                    </option>
                  ))}
              </select>
            </label>
          )}
          <label>
            Copy to{' '}
            <select value="" onChange={(e) => copyTo(e.target.value)}>
              <option value="">a layer…</option>
              {layers.map((l) => (
                <option key={l.db} value={l.db}>
                  {layerName(l)}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
