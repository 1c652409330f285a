// Which sync servers the reader's page may reach, and that this agrees with the page's policy.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../app/build/content-security-policy.ts';
import {
  LOCAL_HTTP_HOSTS,
  refusedByPage,
  resolveApiRoot,
  ServerError,
} from '../../../annotations/replica/couch-session.ts';

const PAGE = 'http://localhost:5173';

describe('refusedByPage', () => {
  it('allows https anywhere, the page’s own origin, and plain http on this computer', () => {
    for (const address of [
      'https://couch.example.org/',
      'https://192.168.1.5:6984/',
      'http://localhost:5984/',
      'http://127.0.0.1:5984/couch/',
      `${PAGE}/couch/`,
    ])
      expect(refusedByPage(new URL(address), PAGE), address).toBeNull();
    expect(
      refusedByPage(new URL('http://192.168.1.5:5984/'), 'http://192.168.1.5:5984'),
    ).toBeNull();
  });

  it('refuses plain http to another machine, saying what to do instead', () => {
    const why = refusedByPage(new URL('http://192.168.1.5:5984/'), PAGE);
    expect(why).toContain('https://');
    expect(why).toContain('npx diptych serve');
  });

  it('lists the same plain-http hosts as the built page’s connect-src', () => {
    const connect = contentSecurityPolicy([], [])
      .split('; ')
      .find((d) => d.startsWith('connect-src '))!
      .split(' ')
      .slice(1);
    const plainHttp = connect.filter((s) => s.startsWith('http://'));
    expect(plainHttp).toEqual(LOCAL_HTTP_HOSTS.map((host) => `http://${host}:*`));
    expect(connect.filter((s) => !s.startsWith('http://'))).toEqual(["'self'", 'https:']);
  });

  it('makes resolveApiRoot refuse before any request, with the reason', async () => {
    const error = await resolveApiRoot('http://10.0.0.7:5984', PAGE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect((error as ServerError).problem).toMatchObject({ kind: 'unreachable' });
    expect(JSON.stringify((error as ServerError).problem)).toContain('this computer');
  });
});
