/**
 * Host header allowlist, against DNS rebinding: a page on an attacker's name that resolves to
 * 127.0.0.1 reaches the server with its own name in Host, and is refused here (421). By default
 * the names of the address the server listens on; ALLOWED_HOSTS adds names ("*": no check).
 */
import os from 'node:os';
import type { RequestHandler } from 'express';
import { ApiError } from './errors';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** The names a request may carry in Host for a server listening on `listenHost`, plus `extra`. */
export function allowedHostNames(listenHost: string, extra: readonly string[]): string[] {
  const names = new Set(extra.map((h) => h.toLowerCase()));
  const host = listenHost.toLowerCase();
  if (['localhost', '::1', '[::1]'].includes(host) || host.startsWith('127.')) {
    LOOPBACK.forEach((n) => names.add(n));
    names.add(host);
  } else if (host === '0.0.0.0' || host === '::' || host === '') {
    // Every interface: the loopback names, the machine's name and every address it has.
    LOOPBACK.forEach((n) => names.add(n));
    names.add(os.hostname().toLowerCase());
    for (const list of Object.values(os.networkInterfaces())) {
      for (const a of list ?? []) names.add(a.family === 'IPv6' ? `[${a.address.toLowerCase()}]` : a.address);
    }
  } else {
    names.add(host.includes(':') && !host.startsWith('[') ? `[${host}]` : host);
  }
  return [...names];
}

/** The Host header without its port, lower case; IPv6 literals keep their brackets. */
function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.indexOf(':');
  return colon === -1 ? h : h.slice(0, colon);
}

export function hostAllowlist(names: readonly string[]): RequestHandler {
  const allowed = new Set(names);
  if (allowed.has('*')) return (_req, _res, next) => next();
  return (req, _res, next) => {
    const header = req.headers.host;
    if (typeof header === 'string' && allowed.has(hostName(header))) {
      next();
      return;
    }
    // The allowed names are not listed: on 0.0.0.0 they are the machine's addresses.
    next(
      new ApiError(
        421,
        'misdirected_request',
        `this server does not answer for host "${header ?? ''}" (the operator's ALLOWED_HOSTS setting adds names)`,
      ),
    );
  };
}
