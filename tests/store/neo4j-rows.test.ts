/**
 * Neo4j reads committed data as a statement goes: an action deleted by another transaction while a
 * read matched it comes back with null ends (the fault test met this as a 500 under concurrent
 * deletes). Such a row is an action that is gone, left out of every list, not mapped half-read.
 */
import { actionsOfRows, isWholeActionRow, slimActionOfRow } from '../../server/store/neo4j/mapping';

const slim = (id: string, fromId: string | null, toId: string | null) => ({ id, type: 'BANNED', status: 'reported', fromId, toId });

describe('action rows read while their action was deleted', () => {
  test('a row with both ends is whole; one missing an end is not', () => {
    expect(isWholeActionRow(slim('a', 'x', 'y'))).toBe(true);
    expect(isWholeActionRow(slim('b', null, 'y'))).toBe(false);
    expect(isWholeActionRow(slim('c', 'x', null))).toBe(false);
    expect(isWholeActionRow({ id: null, fromId: null, toId: null })).toBe(false);
  });

  test('lists keep the whole rows only, in their order', () => {
    const rows = [slim('a', 'x', 'y'), slim('gone', null, null), slim('c', 'y', 'z')];
    expect(actionsOfRows(rows, slimActionOfRow).map((a) => [a.id, a.from, a.to])).toEqual([
      ['a', 'x', 'y'],
      ['c', 'y', 'z'],
    ]);
  });
});
