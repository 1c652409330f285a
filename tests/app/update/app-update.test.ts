// The update offer (issue 13, "a new version is offered, never forced mid-reading"): the store
// over vite-plugin-pwa's registerSW callbacks, driven by a stand-in for registerSW.
import { describe, expect, it, vi } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import {
  createAppUpdate,
  RELOAD_FALLBACK_MS,
  UPDATE_CHECK_INTERVAL_MS,
  type AppUpdateHost,
} from '../../../app/update/app-update.ts';

/** A registerSW stand-in that keeps its callbacks, and a host whose timers run on demand. */
function setUp(online = true) {
  let callbacks: RegisterSWOptions = {};
  const activateWaiting = vi.fn(async () => undefined);
  const timers: { ms: number; run: () => void; stopped: boolean }[] = [];
  const reload = vi.fn<() => void>();
  const warn = vi.fn<(message: string, error: unknown) => void>();
  const host: AppUpdateHost & { reload: typeof reload; warn: typeof warn } = {
    reload,
    warn,
    every(ms, run) {
      const timer = { ms, run, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    },
    online: () => online,
  };
  const store = createAppUpdate((options) => {
    callbacks = options;
    return activateWaiting;
  }, host);
  const tick = (ms: number) => {
    for (const t of [...timers]) if (!t.stopped && t.ms === ms) t.run();
  };
  return { store, host, activateWaiting, callbacks: () => callbacks, tick };
}

describe('the update offer', () => {
  it('offers a waiting new version and does not reload until the reader accepts', () => {
    const { store, host, activateWaiting, callbacks } = setUp();
    const seen: unknown[] = [];
    store.subscribe(() => seen.push(store.getSnapshot().offer));
    expect(store.getSnapshot()).toEqual({ offer: null, offlineReady: false });
    callbacks().onNeedRefresh!();
    expect(store.getSnapshot().offer).toBe('new-version');
    expect(seen).toEqual(['new-version']);
    expect(host.reload).not.toHaveBeenCalled();
    expect(activateWaiting).not.toHaveBeenCalled();

    store.accept();
    expect(activateWaiting).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot().offer).toBeNull();
    // The new version takes the page (workbox-window's `controlling`): now it reloads.
    callbacks().onNeedReload!();
    expect(host.reload).toHaveBeenCalledTimes(1);
  });

  it('reloads anyway when the new version does not take the page after Reload', () => {
    const { store, host, callbacks, tick } = setUp();
    callbacks().onNeedRefresh!();
    store.accept();
    expect(host.reload).not.toHaveBeenCalled();
    tick(RELOAD_FALLBACK_MS);
    expect(host.reload).toHaveBeenCalledTimes(1);
    tick(RELOAD_FALLBACK_MS);
    expect(host.reload).toHaveBeenCalledTimes(1);
  });

  it('Later hides the offer and leaves the new version waiting', () => {
    const { store, host, activateWaiting, callbacks } = setUp();
    callbacks().onNeedRefresh!();
    store.later();
    expect(store.getSnapshot().offer).toBeNull();
    expect(activateWaiting).not.toHaveBeenCalled();
    expect(host.reload).not.toHaveBeenCalled();
  });

  it('a version accepted in another tab is offered here as a reload, not forced', () => {
    const { store, host, callbacks } = setUp();
    callbacks().onNeedRefresh!();
    // The reader chose Reload in another tab; the new version took this one too.
    callbacks().onNeedReload!();
    expect(host.reload).not.toHaveBeenCalled();
    expect(store.getSnapshot().offer).toBe('updated-elsewhere');
    store.accept();
    expect(host.reload).toHaveBeenCalledTimes(1);
  });

  it('says once that the app works offline after the first install', () => {
    const { store, callbacks } = setUp();
    callbacks().onOfflineReady!();
    expect(store.getSnapshot()).toEqual({ offer: null, offlineReady: true });
  });

  it('asks the server for a new version every hour, only when online', () => {
    for (const online of [true, false]) {
      const { callbacks, tick } = setUp(online);
      const update = vi.fn(async () => undefined);
      callbacks().onRegisteredSW!('./sw.js', { update } as unknown as ServiceWorkerRegistration);
      tick(UPDATE_CHECK_INTERVAL_MS);
      tick(UPDATE_CHECK_INTERVAL_MS);
      expect(update).toHaveBeenCalledTimes(online ? 2 : 0);
    }
  });

  it('a failed registration is reported as a warning; the app goes on without an offer', () => {
    const { store, host, callbacks } = setUp();
    callbacks().onRegisterError!(new TypeError('no registration'));
    expect(host.warn).toHaveBeenCalledWith(
      expect.stringContaining('works online only'),
      expect.any(TypeError),
    );
    expect(store.getSnapshot().offer).toBeNull();
  });
});
