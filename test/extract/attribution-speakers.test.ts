// Attribution speaker rules of the third session (issue 5): each row is a sentence pattern written for
// this test, with a word inside the wanted content and a word its speaker span must (or must not) hold.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Quote } from '../../src/extract/index.js';
import { quotesOf, speakerText } from './quote-helpers.js';

interface Row {
  name: string;
  text: string;
  /** A word inside the content of the wanted attribution. */
  content: string;
  /** A word the speaker span must contain. */
  speaker: string;
  /** Only quotes of this type are looked at. */
  type?: Quote['type'];
}

const rows: Row[] = [
  {
    name: 'a relative clause after the subject is skipped: its pronoun is not the speaker of an embedded quote',
    text: 'Mayor Tomas Reyes, who is disliked by the unions, said at the hearing that the budget “is balanced” and that the city “will not borrow a single dollar next year.”',
    content: 'single dollar',
    speaker: 'Reyes',
    type: 'direct',
  },
  {
    name: 'a conjunction after the closing mark opens a new clause, not the quote’s frame',
    text: 'Minister Mara Lind said the plan remained “one of strength and patience,” but the opposition leader later warned that it would fail.',
    content: 'patience',
    speaker: 'Lind',
    type: 'direct',
  },
  {
    name: 'a quote in the clause a pronoun opens after a pronoun’s report is the reporter’s',
    text: 'The senator spoke after the vote. She said she warned the committee that the bill “would raise taxes on every family.”',
    content: 'every family',
    speaker: 'She',
    type: 'direct',
  },
  {
    name: 'a name with a parenthetical label before the comma is the subject, not a place in the opening clause',
    text: 'After winning Ohio in the primary on Tuesday, Gov. Dan Kessler (R-OH), said, “I am getting ready to rent a covered wagon for the whole trip west.”',
    content: 'covered wagon',
    speaker: 'Kessler',
    type: 'direct',
  },
];

test('attribution speakers: the speaker of each pattern', () => {
  for (const row of rows) {
    const qs = quotesOf(row.text).filter((q) => !row.type || q.type === row.type);
    const q = qs.find((x) => x.text.includes(row.content));
    assert.ok(q, `${row.name}: content found in ${JSON.stringify(qs.map((x) => x.text))}`);
    const sp = speakerText(row.text, q);
    assert.ok(sp?.includes(row.speaker), `${row.name}: speaker ${JSON.stringify(sp)} (${q.speaker.kind}, cue ${q.cue})`);
  }
});

/** Sentences in which no claimed attribution (speaker not `unknown`) may have the given speaker words. */
const notSpeakers: { name: string; text: string; speaker: string }[] = [
  {
    name: 'expletive "there" is no source',
    text: 'But there are signs that harbor traders now expect a busier summer than last year.',
    speaker: 'there',
  },
  {
    name: 'dummy "it" of a copula is no source',
    text: 'The council met on Monday. It is too soon to say how much damage the storm did to the harbor.',
    speaker: 'it',
  },
];

test('attribution speakers: words that name no source', () => {
  for (const row of notSpeakers) {
    const claimed = quotesOf(row.text).filter((q) => q.speaker.kind !== 'unknown');
    const bad = claimed.filter((q) => speakerText(row.text, q)?.toLowerCase() === row.speaker);
    assert.equal(bad.length, 0, `${row.name}: ${JSON.stringify(bad.map((q) => [q.cue, q.text]))}`);
  }
});

test('attribution speakers: "it" right before its cue still reports', () => {
  const text = 'The agency released its annual report on Friday. It said the number of complaints had doubled since last year.';
  const q = quotesOf(text).find((x) => x.text.includes('complaints'));
  assert.ok(q && q.speaker.kind !== 'unknown' && speakerText(text, q) === 'It', JSON.stringify(q));
});

test('attribution speakers: a long source after "according to" cut by the length cap still names the source', () => {
  const text = 'Exports to the region doubled after the treaty, according to a 2019 report by the trade ministry of the northern province.';
  const q = quotesOf(text).find((x) => x.text.includes('Exports'));
  assert.ok(q && q.speaker.kind !== 'unknown' && speakerText(text, q)?.includes('report'), JSON.stringify(q?.speaker));
});

test('attribution speakers: a quote opened mid-clause takes no frame after it that goes on with the sentence', () => {
  const cases = [
    // A relative clause after the quote.
    ['The ministry called the raid a “limited operation,” which officials said had ended by noon.', 'limited operation', 'officials'],
    // No comma after the quote: the sentence goes on.
    ['The deal is only a “first draft” because several governments did not agree.', 'first draft', 'not'],
  ] as const;
  for (const [text, content, notSpeaker] of cases) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(content));
    assert.ok(q, `quote found in ${text}`);
    assert.ok(q.speaker.kind === 'unknown' || !speakerText(text, q)?.includes(notSpeaker), `${text}: speaker ${speakerText(text, q)} (${q.cue})`);
  }
});

test('attribution speakers: a participle right after a quote has its object after it; the clause subject speaks', () => {
  const text = 'Mayor Ines Duarte has hailed the vote as “historic,” telling reporters on Friday that the city had won.';
  const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes('historic'));
  assert.ok(q && speakerText(text, q)?.includes('Duarte'), JSON.stringify(q && [speakerText(text, q), q.cue]));
});

test('attribution speakers: a short capitalised reply with a speech frame after it is a quote, not a title', () => {
  for (const [text, word, speaker] of [
    ['Was the plan dead? “Absolutely,” the mayor said when asked by a reporter.', 'Absolutely', 'mayor'],
    ['Would she run again? “No, no, no, no,” she said, laughing.', 'No, no', 'she'],
  ] as const) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(word));
    assert.ok(q && speakerText(text, q)?.includes(speaker), `${text}: ${JSON.stringify(q && [speakerText(text, q), q.cue])}`);
  }
  // Without a speech frame it stays a title; after a word too ("on CNN's “New Day,” X said …").
  for (const title of [
    'She appeared on “Meet the Press” on Sunday.',
    'Speaking on the network’s “Morning Show,” Senator Ivo Brandt said the budget was balanced.',
  ]) {
    const claimed = quotesOf(title).filter((q) => q.type === 'direct' && q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${title}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(title, q)]))}`);
  }
});

test('attribution speakers: a long opening subordinate clause is skipped to the main clause subject', () => {
  const text =
    'When the governor suggested that the county would sue the state for breaking the deal it had signed last spring, Senator Ivo Brandt was blunt: “If they sue us in court, they will lose.”';
  const q = quotesOf(text).find((x) => x.type === 'direct');
  assert.ok(q && speakerText(text, q)?.includes('Brandt'), JSON.stringify(q && [speakerText(text, q), q.cue]));
});

test('attribution speakers: a participle after an unnamed object before a quote speaks for the clause subject', () => {
  for (const text of [
    'On Saturday, Governor Ana Lopes issued a statement saying “the harbor will reopen next week and every boat will be inspected.”',
    'Governor Ana Lopes sent a text message to supporters saying: “We won the county, and we will win the state.”',
  ]) {
    const q = quotesOf(text).find((x) => x.type === 'direct');
    assert.ok(q && speakerText(text, q)?.includes('Lopes'), `${text}: ${JSON.stringify(q && [speakerText(text, q), q.cue])}`);
  }
});

test('attribution speakers: "as X put it" frames a quote', () => {
  for (const text of [
    'As the columnist Mara Quist put it, “Nobody in this town believes the budget adds up.”',
    '“Nobody in this town believes the budget adds up,” as the columnist Mara Quist put it.',
  ]) {
    const q = quotesOf(text).find((x) => x.type === 'direct');
    assert.ok(q && speakerText(text, q)?.includes('Quist'), `${text}: ${JSON.stringify(q && [speakerText(text, q), q.cue])}`);
  }
});

test('attribution speakers: a contrasting second report gets its own speaker and the first report ends before it', () => {
  const text = 'The Ledger lists the mayor among the ten richest people in the state, while the Courier lists her as the fortieth.';
  const qs = quotesOf(text).filter((q) => q.type === 'indirect' && q.speaker.kind !== 'unknown');
  const first = qs.find((q) => speakerText(text, q)?.includes('Ledger'));
  const second = qs.find((q) => speakerText(text, q)?.includes('Courier'));
  assert.ok(first && second, JSON.stringify(qs.map((q) => [q.text, speakerText(text, q)])));
  assert.ok(!first.text.includes('fortieth') && second.text.includes('fortieth'), JSON.stringify([first.text, second.text]));
});

test('attribution speakers: a quote with no frame of its own takes the frame that closes its sentence', () => {
  for (const [text, speaker] of [
    ['“Many would call that an embarrassment for the mayor” if she did not win by a wider margin, said Dana Ruiz, an analyst at the institute.', 'Ruiz'],
    ['“And yet it would settle the race for the mayor” because she would widen her lead, the analyst Dana Ruiz said.', 'Ruiz'],
  ] as const) {
    const q = quotesOf(text).find((x) => x.type === 'direct');
    assert.ok(q && speakerText(text, q)?.includes(speaker), `${text}: ${JSON.stringify(q && [speakerText(text, q), q.cue])}`);
  }
});

test('attribution speakers: a copula and an adjective with "of" or "about" state the named subject’s stance', () => {
  const text = 'Senator Ivo Brandt was sharply critical of the new harbor tax.';
  const q = quotesOf(text).find((x) => x.type === 'indirect' && x.text.includes('harbor tax'));
  assert.ok(q && speakerText(text, q)?.includes('Brandt'), JSON.stringify(q && [q.text, speakerText(text, q)]));
  // A subject naming no one is no source.
  assert.ok(!quotesOf('The plan was critical of nothing at all in the end.').some((x) => x.speaker.kind !== 'unknown'));
});

test('attribution speakers: a passive with no agent or "so-called" before a quote frames nothing', () => {
  for (const text of [
    'The mayor leaned on hundreds of so-called “voluntary levy” forms that the traders had signed.',
    'The governor dispatched what has been described as a “repair brigade” to the coast.',
  ]) {
    const claimed = quotesOf(text).filter((q) => q.type === 'direct' && q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
});

test('quote marks: an attribute value left from markup is no quotation', () => {
  const text = 'One activist tweeted: <tweet tweet-author="@harborwatch" tweet-date="May 2, 2016">The tax is unfair to every family.<tweet/>';
  const qs = quotesOf(text).filter((q) => q.type === 'direct');
  assert.ok(!qs.some((q) => q.text.includes('harborwatch') || q.text.includes('May 2')), JSON.stringify(qs.map((q) => q.text)));
});

test('attribution speakers: an opening "To/For" + a name, or "In" + a poll, gives the source of the clause', () => {
  for (const [text, content, speaker] of [
    ['To Mayor Ines Duarte, the vote marked a turning point for the harbor.', 'turning point', 'Duarte'],
    ['In an early-October Ledger poll, the mayor led her rival by twelve points.', 'twelve points', 'poll'],
  ] as const) {
    const q = quotesOf(text).find((x) => x.type === 'indirect' && x.text.includes(content));
    assert.ok(q && speakerText(text, q)?.includes(speaker), `${text}: ${JSON.stringify(q && [q.text, speakerText(text, q)])}`);
  }
  // Not a name: "For now, …" gives no source.
  assert.ok(!quotesOf('For now, the harbor will stay closed to every boat.').some((q) => q.speaker.kind !== 'unknown'));
  // "For" + a name marks whom the writer's point concerns, not whose view it is.
  const forName = 'For Mayor Ines Duarte, the ferry vote has become a test of her whole term.';
  assert.ok(!quotesOf(forName).some((q) => q.speaker.kind !== 'unknown'), JSON.stringify(quotesOf(forName).map((q) => [q.text, q.cue])));
});

test('attribution speakers: before a colon, a spaced dash ends the speaker label; a cue in the headline before it frames nothing', () => {
  const text = 'Analysts agree - Mara Quist: “The harbor tax will not pass this year, and everyone in the council knows it.”';
  const q = quotesOf(text).find((x) => x.type === 'direct');
  assert.ok(q && speakerText(text, q)?.includes('Quist'), JSON.stringify(q && [speakerText(text, q), q.cue]));
});

test('attribution speakers: a bare singular noun before a stance cue is a compound noun, not a source', () => {
  for (const text of [
    'The studio is filming television shows and movies about the harbor for the fall season.',
    'Coaches spent Sunday giving pep talks to the youngest members of the squad.',
  ]) {
    const claimed = quotesOf(text).filter((q) => q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
});

test('attribution speakers: an -n participle with no "have" before it is a reduced passive, not a report', () => {
  for (const text of ['She is a liberal icon known to fans as the harbor queen.', 'Ruth Adler became a writer known for her harbor novels.']) {
    const claimed = quotesOf(text).filter((q) => q.speaker.kind !== 'unknown' && /known|seen/.test(q.cue ?? ''));
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
  // A perfect keeps its report: "studies have shown that …".
  const text = 'Harbor studies have shown that the ferry loses money every winter.';
  assert.ok(quotesOf(text).some((q) => q.type === 'indirect' && q.text.includes('loses money')));
});

test('attribution speakers: a base-form cue after "a/an" + a singular noun is a compound noun, not that subject’s verb', () => {
  for (const text of [
    'The council held a roll-call vote on the harbor tax that lasted three hours.',
    'The mayor won a single first-place vote from the panel of harbor judges.',
  ]) {
    const claimed = quotesOf(text).filter((q) => q.speaker.kind !== 'unknown');
    assert.equal(claimed.length, 0, `${text}: ${JSON.stringify(claimed.map((q) => [q.text, speakerText(text, q), q.cue]))}`);
  }
  // Agreement holds: a plural subject's base-form cue still reports.
  const text = 'Harbor pilots say the new ferry schedule is unsafe for every crew.';
  assert.ok(quotesOf(text).some((q) => q.type === 'indirect' && q.text.includes('unsafe') && q.speaker.kind !== 'unknown'));
});

test('attribution speakers: a dash line under a paragraph that is one quotation credits its author', () => {
  const text =
    'The claims in the harbor debate, checked.\n\n"Most of the ferry money goes to the richest one percent of the city."\n\n- Mara Lind.\n\nThe councillor is using old figures.\n\n"It needs to stop, and it needs to stop now."\n\n—Tomas Reyes, Port Ashby.';
  for (const [content, speaker] of [
    ['richest one percent', 'Lind'],
    ['stop now', 'Reyes'],
  ] as const) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(content));
    assert.ok(q && speakerText(text, q)?.includes(speaker), JSON.stringify(q && [q.text, speakerText(text, q), q.cue]));
  }
  // A dash line under a quote inside running text credits nothing.
  const inline = 'He called the plan “a gift to the richest one percent of the city.”\n\n- Mara Lind spoke next.';
  const q = quotesOf(inline).find((x) => x.type === 'direct');
  assert.ok(!q || !speakerText(inline, q)?.includes('Lind'), JSON.stringify(q && [speakerText(inline, q), q.cue]));
});

test('attribution speakers: a title-like quote right after a speech verb was spoken; after a naming verb it stays a title', () => {
  const text = 'Hundreds of dockworkers marched past the city hall, chanting “Ferries For All,” as the council met.';
  const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes('Ferries'));
  assert.ok(q && speakerText(text, q)?.includes('dockworkers'), JSON.stringify(q && [speakerText(text, q), q.cue]));
  const title = 'The harbor show called “Salt Water Stories” ended in May.';
  assert.equal(quotesOf(title).filter((x) => x.type === 'direct').length, 0);
});

test('attribution speakers: a sentence ending in a colon introduces the quotation in the next paragraph', () => {
  const text = 'After the flood, Mayor Ines Duarte issued the following statement:\n\n“Every family that lost a home this week will have a roof by Friday.”';
  const q = quotesOf(text).find((x) => x.type === 'direct');
  assert.ok(q && speakerText(text, q)?.includes('Duarte'), JSON.stringify(q && [speakerText(text, q), q.cue]));
});

test('attribution speakers: a speaker phrase does not open with a conjunction capitalised at the sentence start', () => {
  for (const [text, speaker] of [
    ['If Mayor Lind says the ferry will run, the council will agree to the plan.', 'Mayor Lind'],
    ['But the harbor council said the ferry would run again in the spring.', 'the harbor council'],
  ] as const) {
    const q = quotesOf(text).find((x) => x.type === 'indirect');
    assert.equal(q && speakerText(text, q), speaker, JSON.stringify(q && [q.text, q.cue]));
  }
});

test('attribution speakers: a pronoun opening a report’s content restates the reporter; no second report', () => {
  const text = 'Harbor analyst Pia Roe said she thought the ferry deal was built to avoid the old problems.';
  const reports = quotesOf(text).filter((q) => q.type === 'indirect' && q.speaker.kind !== 'unknown');
  assert.deepEqual(
    reports.map((q) => speakerText(text, q)),
    ['Harbor analyst Pia Roe'],
  );
  // A named inner reporter is a report of its own.
  const nested = 'Mayor Ines Duarte said the harbor pilots believe the ferry deal is unsafe for every crew.';
  assert.ok(quotesOf(nested).some((q) => q.type === 'indirect' && speakerText(nested, q)?.includes('pilots')));
});

test('attribution speakers: a share written with a percent sign is the source of what it says', () => {
  const text = 'On harbor issues the residents lean left: 42% say the ferry should stay public, and most want lower fares.';
  const q = quotesOf(text).find((x) => x.type === 'indirect' && x.text.includes('ferry should stay public'));
  assert.ok(q && speakerText(text, q)?.includes('42%'), JSON.stringify(q && [q.text, speakerText(text, q), q.speaker.kind]));
});

test('attribution speakers: a cue whose subject opens an embedded question or a condition reports nothing', () => {
  const rows: { text: string; notSpeaker: string }[] = [
    { text: 'Asked if he thought the ferry levy went too far, the harbor master smiled at the crowd.', notSpeaker: 'he' },
    { text: 'The pilots would strike even if they believed the new roster was fair to every crew.', notSpeaker: 'they' },
    { text: 'We asked our readers what they thought the council should build on the old pier.', notSpeaker: 'they' },
    { text: 'Nobody knows whether the mayor supports the plan to close the night ferry in winter.', notSpeaker: 'mayor' },
  ];
  for (const { text, notSpeaker } of rows) {
    const claimed = quotesOf(text).filter((q) => q.type === 'indirect' && q.speaker.kind !== 'unknown');
    const hit = claimed.find((q) => speakerText(text, q)?.split(/\s+/).includes(notSpeaker));
    assert.equal(hit, undefined, `${text}: ${JSON.stringify(hit && [hit.text, hit.cue])}`);
  }
  // A plain report of the same shape still counts.
  const plain = 'The harbor master said he thought the ferry levy went too far for most families.';
  assert.ok(quotesOf(plain).some((q) => q.type === 'indirect' && speakerText(plain, q)?.includes('master')));
});

test('attribution speakers: a passive verb of talking names no source of its topic', () => {
  for (const text of [
    'The harbor master was asked about the ferry levy at the council meeting on Monday.',
    'The harbor master shrugged when asked about the ferry levy at the council meeting.',
  ]) {
    const hit = quotesOf(text).find((q) => q.type === 'indirect' && q.speaker.kind !== 'unknown' && speakerText(text, q)?.includes('master'));
    assert.equal(hit, undefined, `${text}: ${JSON.stringify(hit && [hit.text, hit.cue])}`);
  }
  const active = 'The harbor master talked about the ferry levy at the council meeting on Monday.';
  assert.ok(quotesOf(active).some((q) => q.type === 'indirect' && speakerText(active, q)?.includes('master')));
});

test('attribution speakers: a quote inside an opening "Asked …" clause is the question’s wording, no one’s statement', () => {
  const rows: { text: string; quote: string }[] = [
    { text: 'Asked whether the mayor “can be trusted with the harbor budget,” 61 percent of residents said no.', quote: 'trusted' },
    { text: 'When asked if the ferry was “worth the higher fare,” most of the commuters said yes.', quote: 'worth' },
    { text: 'Pressed on whether the levy was “fair to working families,” the harbor master said it was.', quote: 'fair' },
  ];
  for (const { text, quote } of rows) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(quote));
    assert.ok(q, `${text}: quote not found`);
    assert.equal(q.speaker.kind, 'unknown', `${text}: ${JSON.stringify([speakerText(text, q), q.cue])}`);
  }
  // After the clause's comma the quote is the main clause's: its subject speaks.
  const answer = 'Asked about the ferry levy, the harbor master said, “It is fair to every crew on the island.”';
  const a = quotesOf(answer).find((x) => x.type === 'direct');
  assert.ok(a && speakerText(answer, a)?.includes('master'), JSON.stringify(a && [speakerText(answer, a), a.cue]));
});

test('attribution speakers: a colon label "… from X:" credits the quotation after it to X', () => {
  const rows: { text: string; speaker: string }[] = [
    {
      text: 'The ferry fight is far from over.\n\nWhy the vote slipped - More from Marta Quill: “The council never had the numbers, and everyone at the harbor knew it by spring.”',
      speaker: 'Quill',
    },
    {
      text: 'Fares rose again in May.\n\nA final word from Harbor Commissioner Ade Lund: “We will review every fare before the winter timetable starts.”',
      speaker: 'Lund',
    },
    {
      text: 'Fares rose again in May.\n\nAn excerpt from the Harbor Commission: “We will review every fare before the winter timetable starts.”',
      speaker: 'Commission',
    },
    {
      text: 'Fares rose again in May.\n\nWhat the timetable hides - More from Ada Brill and Tomas Vey: “Half the winter sailings were never staffed, so the published timetable was fiction.”',
      speaker: 'Brill and Tomas Vey',
    },
  ];
  for (const { text, speaker } of rows) {
    const q = quotesOf(text).find((x) => x.type === 'direct');
    assert.ok(q && speakerText(text, q)?.includes(speaker), `${text}: ${JSON.stringify(q && [speakerText(text, q), q.cue])}`);
  }
});

test('attribution speakers: a subject inside quotation marks before a colon is a quoted headline’s, no speaker', () => {
  const text =
    'Weekend reading for the harbor crowd.\n\n“Old ferry terminal to close in spring,” by the Gazette’s Ann Roe: “The terminal, a brick shed that served four generations of commuters, will shut in April.”';
  const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes('brick shed'));
  assert.ok(q, 'quote not found');
  const sp = speakerText(text, q);
  assert.ok(!sp || !/terminal|ferry/i.test(sp), JSON.stringify([sp, q.cue]));
});

test('attribution speakers: a share of respondents framing a direct quote speaks for the poll its sentence names', () => {
  const rows: { text: string; quote: string }[] = [
    { text: 'In a June Harbor Gazette poll, 64 percent of islanders said the ferry “should never have been sold off.”', quote: 'sold off' },
    { text: 'Some 58 percent of commuters said the new timetable was “a mess from the first week,” according to a Coastline survey.', quote: 'mess' },
  ];
  for (const { text, quote } of rows) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(quote));
    assert.ok(q, `${text}: quote not found`);
    assert.match(speakerText(text, q) ?? '', /poll|survey/, `${text}: ${JSON.stringify([speakerText(text, q), q.cue])}`);
  }
  // With no poll named, the share itself stays the source.
  const bare = 'Most of the commuters said the new timetable was “a mess from the first week.”';
  const b = quotesOf(bare).find((x) => x.type === 'direct');
  assert.ok(b && /commuters/.test(speakerText(bare, b) ?? ''), JSON.stringify(b && [speakerText(bare, b), b.cue]));
});

test('attribution speakers: a dummy "there" or "it" framing a direct quote names no one', () => {
  const rows: { text: string; quote: string; not: RegExp }[] = [
    {
      text: 'The mayor listed the new ferries and the cheaper fares. Then there was the biggest promise of all: “Nobody on this island will wait more than an hour for a boat.”',
      quote: 'Nobody',
      not: /^there$/i,
    },
    {
      text: 'The harbor report came out on Friday. It is too soon to say whether the crossings are “safer than they have ever been in living memory.”',
      quote: 'safer',
      not: /^it$/i,
    },
  ];
  for (const { text, quote, not } of rows) {
    const q = quotesOf(text).find((x) => x.type === 'direct' && x.text.includes(quote));
    assert.ok(q, `${text}: quote not found`);
    const sp = speakerText(text, q);
    assert.ok(!sp || !not.test(sp), `${text}: ${JSON.stringify([sp, q.cue])}`);
  }
});
