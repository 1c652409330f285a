/**
 * This browser profile's device id (annotations/replica/device-id.ts): made
 * once and kept, replaced when what is stored is not one, and compared with
 * the device a document names.
 */
import { describe, expect, it } from 'vitest';
import {
  DEVICE_ID_KEY,
  deviceId,
  newDeviceId,
  whereMade,
} from '../../../annotations/replica/device-id.ts';
import { DeviceIriSchema } from '../../../annotations/sync/annotation-doc.ts';
import { mapWebStorage } from '../../helpers/map-web-storage.ts';

const LAPTOP = 'urn:diptych:device:0f8fad5b-d9cb-469f-a165-70867728950e';
const DESKTOP = 'urn:diptych:device:7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('deviceId', () => {
  it('is made once per profile and kept: the same on every later visit', () => {
    const storage = mapWebStorage();
    const first = deviceId(storage);
    expect(DeviceIriSchema.safeParse(first).success).toBe(true);
    expect(storage.getItem(DEVICE_ID_KEY)).toBe(first);
    expect(deviceId(storage)).toBe(first);
    // Another profile (its own storage) is another device.
    expect(deviceId(mapWebStorage())).not.toBe(first);
  });

  it('new ids are random device IRIs', () => {
    const ids = new Set(Array.from({ length: 20 }, newDeviceId));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(DeviceIriSchema.safeParse(id).success).toBe(true);
  });

  it('when it fails: what is stored and is not a device IRI is replaced; blocked storage gives an id for the visit', () => {
    for (const bad of ['', 'laptop', `${LAPTOP} `, 'urn:diptych:user:ana']) {
      const storage = mapWebStorage({ [DEVICE_ID_KEY]: bad });
      const id = deviceId(storage, () => DESKTOP);
      expect(id).toBe(DESKTOP);
      expect(storage.getItem(DEVICE_ID_KEY)).toBe(DESKTOP);
    }
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    } as unknown as Storage;
    expect(deviceId(blocked, () => LAPTOP)).toBe(LAPTOP);
    expect(deviceId(null, () => LAPTOP)).toBe(LAPTOP);
    // A maker that gives something else is a bug, not an id.
    expect(() => deviceId(null, () => 'laptop')).toThrow();
  });
});

describe('whereMade', () => {
  it('says whether a document was written by this device, another, or does not say', () => {
    expect(whereMade({ 'diptych:device': LAPTOP }, LAPTOP)).toBe('here');
    expect(whereMade({ 'diptych:device': DESKTOP }, LAPTOP)).toBe('elsewhere');
    expect(whereMade({}, LAPTOP)).toBe('unknown');
    expect(whereMade({ 'diptych:device': 'laptop' }, LAPTOP)).toBe('unknown');
  });
});
