/** Interchange v1 validation: the schemas and the document-level checks, with their JSON paths. */
import {
  documentProblems,
  parseAction,
  parseActor,
  parseDocument,
  parseSource,
  problemText,
  type KnownIds,
  type Problem,
} from '../../contract';
import { action, actor, doc, source } from '../contract/fixtures';

const nothingStored: KnownIds = { hasActor: () => false, hasSource: () => false, hasEpisode: () => false, hasAction: () => false };
const texts = (problems: Problem[]) => problems.map(problemText);

function problemsOf(result: { ok: true } | { ok: false; problems: Problem[] }): Problem[] {
  if (result.ok) throw new Error('expected the input to be refused');
  return result.problems;
}

/** The problems of an input that must be refused, as "path: message" texts. */
function refused(result: { ok: true } | { ok: false; problems: Problem[] }): string[] {
  return texts(problemsOf(result));
}

describe('unknown fields are refused, not ignored', () => {
  test('at the top level', () => {
    const t = refused(parseDocument({ ...doc(), extra: 1 }));
    expect(t.join('\n')).toContain('"extra"');
  });

  test("in an actor, a source and an action, with the record's path", () => {
    const d = doc({
      actors: [actor('a'), { ...actor('b'), nickname: 'B' } as never],
      sources: [{ ...source('s'), rating: 5 } as never],
      actions: [
        action('x', 'BANNED', 'a', 'b', undefined, { sources: ['s'] }),
        { ...action('y', 'BANNED', 'a', 'b', undefined, { sources: ['s'] }), weight: 2 } as never,
      ],
    });
    const t = refused(parseDocument(d));
    expect(t).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^actors\[1\].*"nickname"/),
        expect.stringMatching(/^sources\[0\].*"rating"/),
        expect.stringMatching(/^actions\[1\].*"weight"/),
      ]),
    );
    expect(t).toHaveLength(3);
  });

  test('a document without the format marker, or with another one, is refused', () => {
    const { format: _f, ...noFormat } = doc();
    expect(parseDocument(noFormat).ok).toBe(false);
    expect(parseDocument({ ...doc(), format: 'deplatforming-graph/v3' }).ok).toBe(false);
  });

  test('the three arrays may be missing or empty', () => {
    expect(parseDocument({ format: 'deplatforming-graph/v1' }).ok).toBe(true);
    expect(parseDocument({ format: 'deplatforming-graph/v1', actors: [], sources: [], actions: [] }).ok).toBe(true);
  });
});

describe('ids', () => {
  test.each(['a', '0', 'parler', 'donald-trump', 'src-000-x', 'a-', 'a'.repeat(64)])('%j is a valid id', (id) => {
    expect(parseActor(actor(id)).ok).toBe(true);
  });

  test.each(['', '-a', 'Parler', 'a_b', 'a b', 'a.b', 'é', 'a'.repeat(65), 'a/b'])('%j is refused as an id', (id) => {
    expect(refused(parseActor(actor(id)))).toEqual([expect.stringMatching(/^id: /)]);
  });

  test('references must be slugs too', () => {
    const t = refused(parseAction(action('x', 'BANNED', 'a', 'B', undefined, { sources: ['S 1'], claimedBy: ['Q'] })));
    expect(t).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^to: /),
        expect.stringMatching(/^citations\[0\]\.source: /),
        expect.stringMatching(/^claimedBy\[0\]: /),
      ]),
    );
  });
});

describe('actors', () => {
  test('a full actor is valid', () => {
    const full = actor('aws', {
      name: 'Amazon Web Services',
      kind: 'company',
      layer: 'cloud-hosting',
      aliases: ['AWS'],
      description: 'd',
      wikidata: 'Q456157',
    });
    expect(parseActor(full)).toEqual({ ok: true, value: full });
  });

  test('kind and layer come from the vocabulary; wikidata looks like Q123; name is 1..200 chars', () => {
    expect(refused(parseActor(actor('a', { kind: 'robot' as never })))).toEqual([expect.stringMatching(/^kind: /)]);
    expect(refused(parseActor(actor('a', { layer: 'cloud' as never })))).toEqual([expect.stringMatching(/^layer: /)]);
    expect(refused(parseActor(actor('a', { wikidata: 'q1' })))).toEqual([expect.stringMatching(/^wikidata: /)]);
    expect(refused(parseActor(actor('a', { name: '' })))).toEqual([expect.stringMatching(/^name: /)]);
    expect(parseActor(actor('a', { name: 'n'.repeat(200) })).ok).toBe(true);
    expect(refused(parseActor(actor('a', { name: 'n'.repeat(201) })))).toEqual([expect.stringMatching(/^name: /)]);
    expect(parseActor(actor('a', { description: 'd'.repeat(2000) })).ok).toBe(true);
    expect(parseActor(actor('a', { description: 'd'.repeat(2001) })).ok).toBe(false);
  });

  test('optional fields may not be null', () => {
    expect(parseActor({ ...actor('a'), layer: null }).ok).toBe(false);
    expect(parseActor({ ...actor('a'), aliases: null }).ok).toBe(false);
  });
});

describe('sources: urls', () => {
  test.each(['https://example.com/a?b=c', 'http://example.org'])('%j is accepted', (url) => {
    expect(parseSource(source('s', { url })).ok).toBe(true);
  });

  test.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '/relative/path',
    'example.com/page',
    'ftp://example.com/f',
    'data:text/html,hi',
    '',
  ])('%j is refused', (url) => {
    expect(refused(parseSource(source('s', { url })))).toEqual([expect.stringMatching(/^url: /)]);
  });

  test('published is a date of the interchange format', () => {
    expect(parseSource(source('s', { published: '2021-01' })).ok).toBe(true);
    expect(refused(parseSource(source('s', { published: 'Jan 2021' })))).toEqual([expect.stringMatching(/^published: /)]);
  });
});

describe('actions', () => {
  const base = () => action('x', 'SUED', 'parler', 'aws', '2021-01-11');

  test('a plain action is valid', () => {
    expect(parseAction(base()).ok).toBe(true);
  });

  test('from === to is refused on "to"', () => {
    expect(refused(parseAction({ ...base(), to: 'parler' }))).toEqual(['to: may not equal "from"']);
  });

  test('the type comes from the vocabulary', () => {
    expect(refused(parseAction({ ...base(), type: 'sued' as never }))).toEqual([expect.stringMatching(/^type: /)]);
  });

  test('alleged and disputed need a non-empty claimedBy', () => {
    expect(refused(parseAction({ ...base(), status: 'alleged' }))).toEqual([expect.stringMatching(/^claimedBy: /)]);
    expect(refused(parseAction({ ...base(), status: 'alleged', claimedBy: [] }))).toEqual([expect.stringMatching(/^claimedBy: /)]);
    expect(parseAction({ ...base(), status: 'alleged', claimedBy: ['parler'] }).ok).toBe(true);
  });

  test('disputed also needs a non-empty disputedBy', () => {
    expect(refused(parseAction({ ...base(), status: 'disputed', claimedBy: ['parler'] }))).toEqual([
      expect.stringMatching(/^disputedBy: /),
    ]);
    expect(refused(parseAction({ ...base(), status: 'disputed', claimedBy: ['parler'], disputedBy: [] }))).toEqual([
      expect.stringMatching(/^disputedBy: /),
    ]);
    expect(refused(parseAction({ ...base(), status: 'disputed' })).sort()).toEqual([
      expect.stringMatching(/^claimedBy: /),
      expect.stringMatching(/^disputedBy: /),
    ]);
    expect(parseAction({ ...base(), status: 'disputed', claimedBy: ['parler'], disputedBy: ['amazon'] }).ok).toBe(true);
  });

  test('confirmed and reported may carry claimedBy but need none', () => {
    expect(parseAction({ ...base(), status: 'reported' }).ok).toBe(true);
    expect(parseAction({ ...base(), status: 'confirmed', claimedBy: ['parler'] }).ok).toBe(true);
  });

  test("an interval may not end before it starts; v1's endDate is no field of v2", () => {
    expect(refused(parseAction({ ...base(), date: '2021-01-10/2021-01-09' }))).toEqual([
      expect.stringMatching(/^date: .*end is before the start/),
    ]);
    expect(refused(parseAction({ ...base(), date: '2021-02/2021-01' }))).toEqual([expect.stringMatching(/^date: /)]);
    expect(parseAction({ ...base(), date: '2021-01-10/2021-01-10' }).ok).toBe(true);
    expect(parseAction({ ...base(), date: '2019/2021-01-10T23:59:00-08:00' }).ok).toBe(true);
    // A coarser end that covers the start is not before it.
    expect(parseAction({ ...base(), date: '2021-01-10/2021-01' }).ok).toBe(true);
    expect(refused(parseAction({ ...base(), endDate: '2021-01-11' }))).toEqual([
      expect.stringMatching(/^\(root\): unknown field.*"endDate"/),
    ]);
  });

  test('an interval with an unknown start is allowed (a hosting whose start no source gives)', () => {
    expect(parseAction({ ...base(), date: '/2021-01-10T23:59:00-08:00' }).ok).toBe(true);
    expect(parseAction({ ...base(), date: '../2021-01-10T23:59:00-08:00' }).ok).toBe(true);
  });

  test('dates and zones are checked', () => {
    expect(refused(parseAction({ ...base(), date: '2021-02-30' }))).toEqual([expect.stringMatching(/^date: .*"2021-02-30"/)]);
    expect(refused(parseAction({ ...base(), date: '2021-01-10T23:59-0800' }))).toEqual([expect.stringMatching(/^date: .*±hh:mm/)]);
    expect(refused(parseAction({ ...base(), timezone: 'Pacific/Nowhere' }))).toEqual([expect.stringMatching(/^timezone: .*IANA/)]);
    expect(parseAction({ ...base(), date: '2021-01-10T23:59', timezone: 'America/Los_Angeles' }).ok).toBe(true);
  });

  test('summary is 1..1000 chars', () => {
    expect(refused(parseAction({ ...base(), summary: '' }))).toEqual([expect.stringMatching(/^summary: /)]);
    expect(parseAction({ ...base(), summary: 's'.repeat(1000) }).ok).toBe(true);
    expect(refused(parseAction({ ...base(), summary: 's'.repeat(1001) }))).toEqual([expect.stringMatching(/^summary: /)]);
  });

  test('at least one source', () => {
    expect(refused(parseAction({ ...base(), citations: [] }))).toEqual([expect.stringMatching(/^citations: /)]);
    const { citations: _c, ...none } = base();
    expect(refused(parseAction(none))).toEqual([expect.stringMatching(/^citations: /)]);
  });

  test('details: strings, numbers, booleans and string arrays are values', () => {
    const details = { venue: 'W.D. Wash.', claims: ['a', 'b'], none: [], pages: 18, rank: 2.5, permanent: true, defendant: false };
    const r = parseAction({ ...base(), details });
    expect(r).toEqual({ ok: true, value: { ...base(), details } });
  });

  test.each([
    ['a nested object', { court: { name: 'x' } }],
    ['null', { court: null }],
    ['an array of numbers', { pages: [1, 2] }],
    ['a mixed array', { claims: ['a', 1] }],
    ['an array of arrays', { claims: [['a']] }],
  ])('details: %s is not a value', (_what, details) => {
    expect(refused(parseAction({ ...base(), details }))).toEqual([expect.stringMatching(/^details\.\w+/)]);
  });
});

describe('documentProblems: duplicates and references, each with its JSON path', () => {
  test('an unknown actor is named with the exact path of the reference', () => {
    const d = doc({
      actors: ['parler', 'aws', 'apple'],
      actions: [
        action('a0', 'HOSTED', 'aws', 'parler'),
        action('a1', 'DELISTED', 'apple', 'parler'),
        action('a2', 'SUED', 'parler', 'aws'),
        action('a3', 'SUSPENDED', 'aws', 'parlr'),
      ],
    });
    expect(texts(documentProblems(d, nothingStored))).toEqual(['actions[3].to: unknown actor "parlr"']);
  });

  test('every unresolved reference is named: from, to, claimedBy, disputedBy, sourceIds', () => {
    const d = doc({
      actors: ['a', 'b'],
      sources: [source('s')],
      actions: [
        action('x0', 'ACCUSED', 'ghost', 'b', undefined, {
          sources: ['s', 'nosource'],
          status: 'disputed',
          claimedBy: ['a', 'claimer'],
          disputedBy: ['denier'],
        }),
        action('x1', 'ACCUSED', 'a', 'b', undefined, { sources: ['s'] }),
      ],
    });
    expect(texts(documentProblems(d, nothingStored)).sort()).toEqual([
      'actions[0].citations[1].source: unknown source "nosource"',
      'actions[0].claimedBy[1]: unknown actor "claimer"',
      'actions[0].disputedBy[0]: unknown actor "denier"',
      'actions[0].from: unknown actor "ghost"',
    ]);
  });

  test('references resolve to records already stored', () => {
    const stored: KnownIds = {
      hasActor: (id) => id === 'aws',
      hasSource: (id) => id === 'old-src',
      hasEpisode: () => false,
      hasAction: () => false,
    };
    const d = doc({ actors: ['parler'], actions: [action('x', 'SUED', 'parler', 'aws', undefined, { sources: ['old-src'] })] });
    expect(documentProblems(d, stored)).toEqual([]);
    expect(texts(documentProblems(d, nothingStored)).sort()).toEqual([
      'actions[0].citations[0].source: unknown source "old-src"',
      'actions[0].to: unknown actor "aws"',
    ]);
  });

  test('duplicate ids are named at the second occurrence, for each kind of record', () => {
    const d = doc({
      actors: ['a', 'b', 'a'],
      sources: [source('s'), source('s')],
      actions: [
        action('x', 'BANNED', 'a', 'b', undefined, { sources: ['s'] }),
        action('y', 'BANNED', 'b', 'a', undefined, { sources: ['s'] }),
        action('x', 'SUED', 'b', 'a', undefined, { sources: ['s'] }),
      ],
    });
    const t = texts(documentProblems(d, nothingStored));
    expect(t).toHaveLength(3);
    expect(t).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^actors\[2\]\.id: .*duplicate.*"a"/),
        expect.stringMatching(/^sources\[1\]\.id: .*duplicate.*"s"/),
        expect.stringMatching(/^actions\[2\]\.id: .*duplicate.*"x"/),
      ]),
    );
  });

  test('a valid document has no problems', () => {
    const d = doc({ actors: ['a', 'b'], actions: [action('x', 'BANNED', 'a', 'b', '2021-01-08')] });
    expect(parseDocument(d).ok).toBe(true);
    expect(documentProblems(d, nothingStored)).toEqual([]);
  });
});
