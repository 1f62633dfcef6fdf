/**
 * Round 10 (claims): claims in reported speech, denials that answer them, warnings told from the
 * warned side or as a threat carried out; each reading tested on made-up sentences (none comes
 * from a gold or held-out report), with a sentence where it must not fire.
 */
import { readerOf } from './support/reader';

const { triples } = readerOf([
  { id: 'reddit', name: 'Reddit', kind: 'platform' },
  { id: 'gab', name: 'Gab', kind: 'platform' },
  { id: 'vimeo', name: 'Vimeo', kind: 'platform' },
  { id: 'ruritania', name: 'Ruritania', kind: 'government' },
  { id: 'jane-roe', name: 'Jane Roe', kind: 'person' },
]);

const of = (type: string, text: string) => triples(text).filter((t) => t[0] === type);

describe('rules broken, in reported speech', () => {
  test('"said X had (deliberately) broken its rules" and "has breached its terms" are claims against X', () => {
    expect(of('ACCUSED', 'Reddit said Gab had deliberately broken its rules.')).toContainEqual(['ACCUSED', 'reddit', 'gab']);
    expect(of('ACCUSED', 'Reddit says Vimeo has breached its terms of service.')).toContainEqual(['ACCUSED', 'reddit', 'vimeo']);
  });

  test('the reason given with the sanction itself is no separate claim', () => {
    expect(of('ACCUSED', 'Reddit suspended Gab on Sunday, saying it had repeatedly broken its rules.')).toEqual([]);
  });
});

describe('warnings', () => {
  test('"had been handed a final written warning" and "was warned": from the author of its sanction to the one warned', () => {
    expect(of('WARNED', 'Reddit banned Jane Roe in May. The activist had been handed a final written warning in March.')).toContainEqual([
      'WARNED',
      'reddit',
      'jane-roe',
    ]);
    expect(of('WARNED', 'Reddit suspended Gab. Gab was warned twice in April.')).toContainEqual(['WARNED', 'reddit', 'gab']);
  });

  test('a warning received with no sanction of the one warned proposes nothing', () => {
    expect(of('WARNED', 'Jane Roe was warned by her doctor in March.')).toEqual([]);
  });

  test('"despite repeated warnings", "after warning the group several times": the sanction\'s author warned its targets', () => {
    expect(of('WARNED', 'Reddit blocked Gab on Friday despite repeated warnings.')).toContainEqual(['WARNED', 'reddit', 'gab']);
    expect(of('WARNED', 'Reddit removed Gab on Monday after warning the group several times.')).toContainEqual(['WARNED', 'reddit', 'gab']);
  });

  test('"carrying out a threat it made", "made good on its threat": the threat came before the sanction', () => {
    expect(of('WARNED', 'Reddit closed the account of Gab on Friday, carrying out a threat it made earlier this month.')).toContainEqual([
      'WARNED',
      'reddit',
      'gab',
    ]);
    expect(of('WARNED', 'Reddit made good on its threat and removed Vimeo.')).toEqual([]);
    expect(of('WARNED', 'Reddit removed Vimeo on Friday and so made good on its threat.')).toContainEqual(['WARNED', 'reddit', 'vimeo']);
  });
});

describe('claims against the ones a sanction cut off', () => {
  test('"accused the apps of ..." after a list of blocked apps: a claim against each', () => {
    const found = of(
      'ACCUSED',
      'Ruritania on Monday blocked 12 apps, Gab and Vimeo among them. Ruritania accused the apps of spying on users.',
    );
    expect(found).toContainEqual(['ACCUSED', 'ruritania', 'gab']);
    expect(found).toContainEqual(['ACCUSED', 'ruritania', 'vimeo']);
  });

  test('"accusing them of" with no sanction by the accuser proposes nothing', () => {
    expect(of('ACCUSED', 'Jane Roe wrote to Gab and Vimeo, accusing them of bias.').filter((t) => t[2] === 'vimeo')).toEqual([]);
  });
});

describe('harm of such sanctions, said by one they hit', () => {
  test('"said shutdowns of this kind do great harm": against whoever cut the speaker off, not the last sanction read', () => {
    const found = of(
      'ACCUSED',
      'Ruritania blocked Reddit on Tuesday. Gab removed Vimeo on Monday. Reddit, one of the services cut off, said shutdowns of this kind do great harm.',
    );
    expect(found).toContainEqual(['ACCUSED', 'reddit', 'ruritania']);
    expect(found).not.toContainEqual(['ACCUSED', 'reddit', 'gab']);
  });

  test('a speaker no sanction hit claims nothing', () => {
    expect(of('ACCUSED', 'Gab said such bans do great harm.')).toEqual([]);
  });
});

describe('labels that name a party', () => {
  test('"calls X a hate group", "called X anti-Jewish", "described X as extremist"', () => {
    expect(of('ACCUSED', 'Jane Roe calls Gab a hate group.')).toContainEqual(['ACCUSED', 'jane-roe', 'gab']);
    expect(of('ACCUSED', 'Jane Roe called Vimeo anti-Jewish in a post.')).toContainEqual(['ACCUSED', 'jane-roe', 'vimeo']);
    expect(of('ACCUSED', 'Reddit described Gab as extremist.')).toContainEqual(['ACCUSED', 'reddit', 'gab']);
  });

  test('a label with no party named between names nobody', () => {
    expect(of('ACCUSED', 'Reddit called the decision racist.')).toEqual([]);
  });
});

describe('conduct likened to a wrong, and a sanction judged in an argument', () => {
  test('"said X had acted like a censor", "X behaves like a cartel": the speaker\'s claim against X', () => {
    expect(of('ACCUSED', 'Reddit banned Gab in May. Gab said Reddit had acted like a censor.')).toContainEqual([
      'ACCUSED',
      'gab',
      'reddit',
    ]);
    expect(of('ACCUSED', 'Vimeo said Gab behaves like a cartel.')).toContainEqual(['ACCUSED', 'vimeo', 'gab']);
  });

  test('"argued that the ban was unlawful": a claim against the one that banned', () => {
    expect(of('ACCUSED', 'Reddit banned Gab in May. Gab argued that the ban was unlawful.')).toContainEqual(['ACCUSED', 'gab', 'reddit']);
  });

  test('a person likening herself names no one', () => {
    expect(of('ACCUSED', 'Reddit banned Gab in May. Jane Roe said she felt like a censor.')).toEqual([]);
  });
});

describe('denials', () => {
  test('"denied ever giving ..." answers the claim even beside "such a request"', () => {
    expect(
      of(
        'DENIED',
        'Ruritania accused Gab of spying. Gab denied ever giving data to any government, adding that it would refuse such a request.',
      ),
    ).toContainEqual(['DENIED', 'gab', 'ruritania']);
  });

  test('"insisted it had followed its rules" answers the claim against the speaker; with no claim nothing', () => {
    expect(of('DENIED', 'Jane Roe accused Reddit of bias. Reddit insisted it had followed its rules.')).toContainEqual([
      'DENIED',
      'reddit',
      'jane-roe',
    ]);
    expect(of('DENIED', 'Reddit insisted it had followed its rules.')).toEqual([]);
  });
});
