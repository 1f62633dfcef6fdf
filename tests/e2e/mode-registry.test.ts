/**
 * The view-mode registry (client/modes/registry.ts) read as the URL codec reads it: a mode that
 * is registered wrongly (a missing view, a parameter another field uses, a codec that loses a
 * value) fails here before a link breaks in someone's browser.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ModeDescriptor } from '../../client/modes/descriptor';
import { DEFAULT_MODE, MODES, type ModeStates } from '../../client/modes/registry';
import { queryReader } from '../../client/state/query';
import { INITIAL_STATE, type ViewState } from '../../client/state/types';
import { COMMON_PARAMS, fromQuery, toQuery } from '../../client/state/url';

const MODES_DIR = path.resolve(__dirname, '..', '..', 'client', 'modes');
const modes = MODES as readonly ModeDescriptor[];

/** A non-default value of each mode's own state: a new mode adds one here. */
const SAMPLES: { [K in keyof ModeStates]: ModeStates[K] | null } = {
  graph: { layout: 'concentric', pins: { parler: { x: -120, y: 45 }, aws: { x: 300, y: 0 } }, open: ['parler:aws:ACCUSED'] },
  stack: { x: 'name' },
  cascade: { target: 'parler' },
  chain: { actor: 'twitter', index: 2 },
  paths: { src: 'apple', dst: 'aws' },
  table: { sort: { col: 'summary', dir: 'desc' } },
};

const withMode = (id: string, part: unknown): ViewState => ({
  ...INITIAL_STATE,
  mode: id as ViewState['mode'],
  modes: { ...INITIAL_STATE.modes, [id]: part },
});

describe('the view-mode registry', () => {
  test('ids are unique and each has a label; the default mode is the first', () => {
    const ids = modes.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of modes) expect(m.label.trim()).not.toBe('');
    expect(DEFAULT_MODE).toBe(ids[0]);
  });

  test('each registered mode has its folder with a view, and each mode folder is registered', () => {
    for (const m of modes)
      expect({ mode: m.id, view: fs.existsSync(path.join(MODES_DIR, m.id, 'view.ts')) }).toEqual({ mode: m.id, view: true });
    const folders = fs
      .readdirSync(MODES_DIR, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual(modes.map((m) => m.id).sort());
  });

  test('no two modes, and no mode and a common field, share a URL parameter', () => {
    const all = [...COMMON_PARAMS, ...modes.flatMap((m) => m.url.params)];
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  });

  test.each(modes.map((m) => [m.id, m] as const))('%s: its initial state writes nothing and an empty query reads it back', (_id, m) => {
    const q = new URLSearchParams();
    m.url.write(m.initial, q);
    expect(q.toString()).toBe('');
    expect(m.url.read(queryReader('').reader)).toEqual(m.initial);
  });

  test.each(modes.map((m) => [m.id, m] as const))(
    '%s: its fields round-trip through the URL, written under its own parameters only',
    (id, m) => {
      const sample = SAMPLES[id as keyof ModeStates];
      if (sample === null) return expect(m.url.params).toEqual([]);
      expect(sample).not.toEqual(m.initial);
      const s = withMode(id, sample);
      const q = new URLSearchParams(toQuery(s));
      // The default mode is the bare address: no mode= for it.
      expect([...q.keys()].sort()).toEqual([...(id === DEFAULT_MODE ? [] : ['mode']), ...m.url.params].sort());
      expect(fromQuery(toQuery(s))).toEqual({ state: s, ignored: [] });
    },
  );

  test('every mode keeps its fields in the URL while another mode is shown', () => {
    const s: ViewState = { ...INITIAL_STATE, modes: { ...INITIAL_STATE.modes } };
    for (const m of modes) {
      const sample = SAMPLES[m.id as keyof ModeStates];
      if (sample) Object.assign(s.modes, { [m.id]: sample });
    }
    for (const m of modes) expect(fromQuery(toQuery({ ...s, mode: m.id as ViewState['mode'] })).state).toEqual({ ...s, mode: m.id });
  });

  test('links written before the registry open the same view', () => {
    const { state, ignored } = fromQuery('?mode=chain&chain=twitter&ci=1&src=parler&dst=donald-trump&x=name&sort=-status&focus=aws');
    expect(ignored).toEqual([]);
    expect(state.mode).toBe('chain');
    expect(state.focus).toBe('aws');
    expect(state.modes).toEqual({
      graph: { layout: 'force', pins: {}, open: [] },
      stack: { x: 'name' },
      cascade: { target: null },
      chain: { actor: 'twitter', index: 1 },
      paths: { src: 'parler', dst: 'donald-trump' },
      table: { sort: { col: 'status', dir: 'desc' } },
    });
  });

  test('an unknown mode falls back to the default, keeping the rest of the link', () => {
    const { state, ignored } = fromQuery('?mode=3d&src=apple&dst=aws&focus=parler');
    expect(state.mode).toBe(DEFAULT_MODE);
    expect(ignored).toEqual(['mode']);
    expect(state.focus).toBe('parler');
    expect(state.modes.paths).toEqual({ src: 'apple', dst: 'aws' });
    expect(toQuery(state)).toBe('?focus=parler&src=apple&dst=aws');
  });

  test("a mode's values that do not parse are reported and left at their initial values", () => {
    const { state, ignored } = fromQuery('?mode=table&chain=Not%20A%20Slug&ci=-1&src=%3Cb%3E&sort=colour&x=sideways');
    expect(ignored.sort()).toEqual(['chain', 'ci', 'sort', 'src']);
    expect(state.modes).toEqual(INITIAL_STATE.modes);
  });
});
