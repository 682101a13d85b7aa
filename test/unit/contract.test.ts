import { describe, expect, it } from 'vitest';
import { API_VERBS, INVOKE_METHODS, eventChannel, invokeChannel } from '../../src/shared/contract';
import { REQUEST_SCHEMAS } from '../../src/shared/schemas';

describe('contract', () => {
  it('lists every invoke method once and the event subscriptions', () => {
    expect(new Set(INVOKE_METHODS).size).toBe(INVOKE_METHODS.length);
    expect([...API_VERBS].sort()).toEqual([...INVOKE_METHODS, 'onProgress'].sort());
  });

  it('names channels under one prefix', () => {
    expect(invokeChannel('getAnalysis')).toBe('framescope:invoke:getAnalysis');
    expect(eventChannel('progress')).toBe('framescope:event:progress');
  });

  it('rejects payloads for methods that take none', () => {
    expect(REQUEST_SCHEMAS.getAnalysis.safeParse({ folder: '/etc' }).success).toBe(false);
    expect(REQUEST_SCHEMAS.openFolder.safeParse('/etc').success).toBe(false);
  });

  it('accepts only the documented shape for openExternal', () => {
    expect(REQUEST_SCHEMAS.openExternal.safeParse({ url: 'https://example.org' }).success).toBe(true);
    expect(REQUEST_SCHEMAS.openExternal.safeParse({ url: 'https://example.org', extra: 1 }).success).toBe(false);
    expect(REQUEST_SCHEMAS.openExternal.safeParse({}).success).toBe(false);
  });
});
