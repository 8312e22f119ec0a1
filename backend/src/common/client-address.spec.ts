import type { IncomingMessage } from 'node:http';
import { clientAddress, trustFunction } from './client-address';

const request = (socket: string, forwardedFor?: string) =>
  ({
    socket: { remoteAddress: socket },
    connection: { remoteAddress: socket },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  }) as unknown as IncomingMessage;

describe(clientAddress.name, () => {
  it('ignores X-Forwarded-For when no proxy is trusted: a client cannot choose its own address', () => {
    expect(clientAddress(request('203.0.113.9', '198.51.100.1'), trustFunction(false))).toBe('203.0.113.9');
  });

  it('takes the address the trusted proxy saw, not one the client wrote before it', () => {
    // The client sent "X-Forwarded-For: 1.2.3.4"; the proxy (10.0.0.2) appended the address it saw.
    const req = request('10.0.0.2', '1.2.3.4, 203.0.113.9');
    expect(clientAddress(req, trustFunction(['10.0.0.0/8']))).toBe('203.0.113.9');
    expect(clientAddress(req, trustFunction(1))).toBe('203.0.113.9');
  });

  it('does not believe a request that did not come through a trusted proxy', () => {
    expect(clientAddress(request('203.0.113.9', '1.2.3.4'), trustFunction(['loopback']))).toBe('203.0.113.9');
  });
});
