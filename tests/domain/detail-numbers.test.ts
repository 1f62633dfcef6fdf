/** Numbers in `details` that would not come back as sent (beyond 2^53 − 1, -0) are refused, naming the field. */
import { parseAction, problemText, type Problem } from '../../contract';
import { action } from '../contract/fixtures';

function refused(result: { ok: true } | { ok: false; problems: Problem[] }): string[] {
  if (result.ok) throw new Error('expected the input to be refused');
  return result.problems.map(problemText);
}

const withDetails = (json: string) => ({
  ...action('x', 'SUED', 'parler', 'aws', '2021-01-11'),
  details: JSON.parse(json) as Record<string, never>,
});

test.each([
  ['{"amount": 12345678901234567890123}', 'details.amount'],
  ['{"big": 9007199254740993}', 'details.big'],
  ['{"zero": -0}', 'details.zero'],
  ['{"small": -1e300}', 'details.small'],
])('%s is refused on %s', (json, field) => {
  expect(refused(parseAction(withDetails(json)))).toEqual([
    expect.stringMatching(new RegExp(`^${field.replace('.', '\\.')}: .*round-trip exactly`)),
  ]);
});

test.each([
  '{"n": 9007199254740991}',
  '{"n": -9007199254740991}',
  '{"n": 0}',
  '{"n": 1.5}',
  '{"n": 1e-7}',
  '{"s": "12345678901234567890123"}',
])('%s is kept', (json) => {
  expect(parseAction(withDetails(json)).ok).toBe(true);
});
