import { ClientRateLimit } from './client-rate-limit';

describe('ClientRateLimit', () => {
  it('lets a client make its quota in a minute, refuses the next with the seconds left, and starts again the next minute', () => {
    let now = 120_000 + 15_000; // 15 s into a minute
    const limit = new ClientRateLimit(3, () => now);
    expect([1, 2, 3].map(() => limit.take('a').allowed)).toEqual([true, true, true]);
    expect(limit.take('a')).toEqual({ allowed: false, retryAfterSeconds: 45 });
    expect(limit.take('b')).toEqual({ allowed: true, remaining: 2, resetSeconds: 45 });
    now = 180_000;
    expect(limit.take('a')).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('does not count refused requests against the next window', () => {
    let now = 0;
    const limit = new ClientRateLimit(1, () => now);
    limit.take('a');
    for (let i = 0; i < 10; i++) limit.take('a');
    now = 60_000;
    expect(limit.take('a').allowed).toBe(true);
  });
});
