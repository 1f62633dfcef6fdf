/** The browser's view state: pure reducers and the URL form (no browser needed). */
import { compareDateTexts } from '../../contract';
import { sortBy } from '../../client/modes/table/reducers';
import { dataKey, expand, focusOn, select, setWindow } from '../../client/state/reducers';
import { INITIAL_STATE, type ViewState } from '../../client/state/types';
import { fromQuery, toQuery } from '../../client/state/url';

describe('view state in the URL', () => {
  test('the initial state is the bare address', () => {
    expect(toQuery(INITIAL_STATE)).toBe('');
    expect(fromQuery('').state).toEqual(INITIAL_STATE);
  });

  test('every field survives the round trip', () => {
    const s: ViewState = {
      mode: 'stack',
      focus: 'parler',
      depth: 2,
      expand: ['aws', 'twitter'],
      types: ['SUED', 'BANNED'],
      categories: ['legal', 'sanction'],
      statuses: ['alleged'],
      layers: ['cloud-hosting', 'none'],
      claimedBy: ['parler'],
      disputedBy: ['amazon', 'aws'],
      episodes: ['parler-2021'],
      from: '2021-01',
      to: '2021-01-10T23:59:00-08:00',
      tz: 'America/Los_Angeles',
      sel: { kind: 'action', id: 'aws-suspends-parler' },
      modes: {
        graph: { layout: 'time', pins: { aws: { x: 10, y: -20 } }, open: ['parler:aws:ACCUSED', 'apple:parler:DELISTED'] },
        stack: { x: 'name' },
        cascade: { target: 'parler' },
        chain: { actor: 'twitter', index: 3 },
        paths: { src: 'apple', dst: 'aws' },
        table: { sort: { col: 'from', dir: 'desc' } },
      },
    };
    const q = toQuery(s);
    expect(q).toContain('type=SUED,BANNED');
    expect(q).toContain('category=legal,sanction');
    expect(q).toContain('claimedBy=parler');
    expect(q).toContain('disputedBy=amazon,aws');
    expect(q).toContain('episode=parler-2021');
    expect(q).toContain('target=parler');
    expect(q).toContain('sel=action:aws-suspends-parler');
    expect(fromQuery(q)).toEqual({ state: s, ignored: [] });
  });

  test('values that do not parse are dropped and reported, never guessed', () => {
    const { state, ignored } = fromQuery(
      '?mode=3d&focus=Not%20A%20Slug&depth=9&type=BANNED,NUKED&category=sanction,gossip&claimedBy=Parler,parler&from=Jan%2010&tz=Mars%2FOlympus&sel=%3Cimg%3E&sort=colour&layout=spiral&pin=parler:120:-40,Bad:1:2,aws:left:0&open=parler:aws:ACCUSED,parler:aws:GOSSIP,Bad:aws:SUED,parler:aws',
    );
    expect(state.mode).toBe('graph');
    expect(state.focus).toBeNull();
    expect(state.depth).toBe(1);
    expect(state.types).toEqual(['BANNED']);
    expect(state.categories).toEqual(['sanction']);
    expect(state.claimedBy).toEqual(['parler']);
    expect(state.from).toBeNull();
    expect(state.sel).toBeNull();
    expect(state.tz).toBeNull();
    // A pin that reads is kept beside one that does not.
    // So is an open bundle beside ones with an unknown type, a bad id or no type.
    expect(state.modes.graph).toEqual({ layout: 'force', pins: { parler: { x: 120, y: -40 } }, open: ['parler:aws:ACCUSED'] });
    expect(ignored.sort()).toEqual(['depth', 'focus', 'from', 'layout', 'mode', 'open', 'pin', 'sel', 'sort', 'tz']);
  });
});

describe('view state reducers', () => {
  test('focusing selects the actor and drops earlier expansions; expanding needs a focus', () => {
    const a = expand(focusOn(INITIAL_STATE, 'parler'), 'aws');
    expect(a).toMatchObject({ focus: 'parler', expand: ['aws'], sel: { kind: 'actor', id: 'parler' } });
    expect(focusOn(a, 'twitter').expand).toEqual([]);
    expect(expand(INITIAL_STATE, 'aws')).toBe(INITIAL_STATE);
  });

  test('selecting the same element again changes nothing (no history entry)', () => {
    const s = select(INITIAL_STATE, { kind: 'actor', id: 'aws' });
    expect(select(s, { kind: 'actor', id: 'aws' })).toBe(s);
  });

  test('a window given backwards is put right; sorting twice flips the direction', () => {
    expect(setWindow(INITIAL_STATE, '2021-02', '2021-01-05', compareDateTexts)).toMatchObject({ from: '2021-01-05', to: '2021-02' });
    expect(sortBy(sortBy(INITIAL_STATE, 'type'), 'type').modes.table.sort).toEqual({ col: 'type', dir: 'desc' });
  });

  test('only what the data depends on makes a new fetch; paths and chains draw the whole graph', () => {
    const s = focusOn(INITIAL_STATE, 'parler');
    expect(dataKey({ ...s, sel: null, layers: ['media'], mode: 'stack' })).toBe(dataKey(s));
    expect(dataKey({ ...s, depth: 2 })).not.toBe(dataKey(s));
    // Every filter the server applies is a new fetch.
    for (const change of [
      { categories: ['claim' as const] },
      { claimedBy: ['parler'] },
      { disputedBy: ['amazon'] },
      { episodes: ['parler-2021'] },
      { tz: 'UTC' },
    ])
      expect(dataKey({ ...s, ...change })).not.toBe(dataKey(s));
    expect(dataKey({ ...s, mode: 'paths' })).toBe(dataKey(INITIAL_STATE));
  });
});
