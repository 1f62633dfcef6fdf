/**
 * A refused import names its first 100 problems and counts the rest, so a document of a million
 * bad records is refused quickly and with a small answer (RELIABILITY.md, finding 4).
 */
import { ValidationError } from '../../server/store/errors';
import { validDocument } from '../../server/store/rules';

const FORMAT = 'deplatforming-graph/v2';

function refusal(input: unknown): ValidationError {
  try {
    validDocument(input);
  } catch (err) {
    if (err instanceof ValidationError) return err;
    throw err;
  }
  throw new Error('the document was accepted');
}

describe('the problems of a refused import', () => {
  test('a million records that are not objects: refused within 5 s of CPU, 100 named, the total counted', () => {
    const before = process.cpuUsage();
    const err = refusal({ format: FORMAT, actors: new Array(1_000_000).fill(0) });
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000).toBeLessThan(5000);
    expect(err.problems).toHaveLength(100);
    expect(err.problems[0]).toEqual({ path: 'actors[0]', message: 'expected a record (an object), got number' });
    expect(err.problems[99]!.path).toBe('actors[99]');
    expect(err.message).toContain('1000000 problems; the first 100 are named');
  });

  test('bad records in several lists are counted together, in list order', () => {
    const err = refusal({ format: FORMAT, actors: [{ id: 'a', name: 'A', kind: 'company' }, 'x'], actions: [null, [], 7] });
    expect(err.problems.map((p) => p.path)).toEqual(['actors[1]', 'actions[0]', 'actions[1]', 'actions[2]']);
    expect(err.problems.map((p) => p.message.replace(/.*got /, ''))).toEqual(['string', 'null', 'an array', 'number']);
    // Four problems: all named, so no count is added to the message.
    expect(err.message).not.toContain('are named');
  });

  test('schema problems past 100 are counted too: 150 actors without a name name 100 of 150', () => {
    const actors = Array.from({ length: 150 }, (_, i) => ({ id: `a${i}`, kind: 'company' }));
    const err = refusal({ format: FORMAT, actors });
    expect(err.problems).toHaveLength(100);
    expect(err.problems[0]!.path).toBe('actors[0].name');
    expect(err.message).toContain('150 problems; the first 100 are named');
  });
});
