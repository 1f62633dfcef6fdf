/** CSV cells stay inert in any spreadsheet locale: quoted around every separator, formula triggers escaped after each. */
import { csvCell } from '../../server/api/export/csv';

test.each([
  ['x;@SUM(1+1)', `"x;'@SUM(1+1)"`],
  ['a\tb', '"a\tb"'],
  ['a\t=1+1', `"a\t'=1+1"`],
  ['a,=HYPERLINK("x")', `"a,'=HYPERLINK(""x"")"`],
  ['a|+1', `"a|'+1"`],
  ['line\n-1', `"line\n'-1"`],
  ['=1', "'=1"],
  ['plain', 'plain'],
  [-3, "'-3"],
])('%j → %j', (value, cell) => {
  expect(csvCell(value)).toBe(cell);
});
