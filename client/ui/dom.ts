/**
 * Small DOM helpers. Data (names, summaries, titles) only ever reaches the page as text nodes:
 * nothing here parses HTML, and attributes that could run code (on*, style, srcdoc) are refused.
 */
export type Child = Node | string | number | null | undefined | false;
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const FORBIDDEN = /^(on|style$|srcdoc$)/i;

function setAttrs(el: Element, attrs: Attrs): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (FORBIDDEN.test(name)) throw new Error(`attribute "${name}" is not allowed`);
    if (value === null || value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

/** An HTML element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and children. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} is missing from index.html`);
  return el as T;
}

/** A link to an outside page that opens in a new tab without handing it this window. */
export function externalLink(href: string, text: string): HTMLAnchorElement {
  let safe = '#';
  try {
    const url = new URL(href);
    if (url.protocol === 'http:' || url.protocol === 'https:') safe = url.href;
  } catch {
    /* not a URL: shown as text only */
  }
  if (safe === '#') return h('a', {}, text);
  return h('a', { href: safe, target: '_blank', rel: 'noopener noreferrer' }, text);
}

/** Announces a message to screen readers (and shows it in the status line). */
export function announce(message: string): void {
  const el = document.getElementById('live');
  if (el) el.textContent = message;
}

/** Triggers a download of `href` under `filename`. */
export function download(href: string, filename: string): void {
  const a = h('a', { href, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
}
