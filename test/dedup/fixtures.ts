/**
 * Hand-written test texts (invented for these tests: a fictional town, people and firm).
 * One origin report, texts derived from it in known ways, and texts that must stay unlinked.
 */

export const ORIGIN = [
  'The Veldmark harbour bridge reopened to traffic on Monday morning, fourteen months after a winter storm tore away two of its steel spans. Mayor Ilse Brandt cut the ribbon at seven o’clock in front of a crowd of commuters, fishermen and schoolchildren who had waited in the rain.',
  'The repairs cost 4.2 million euros, about 600,000 euros more than the council had budgeted in its first estimate. Chief engineer Tomas Okafor said the overrun came from replacing corroded cables that inspectors only found once the deck had been lifted.',
  'Before the storm, the bridge carried some 38,000 vehicles a day between the old town and the container terminal. During the closure, lorries had to take a 22-kilometre detour through the village of Oster Haff, where residents complained about noise and cracked pavements.',
  'Nordlicht Bau, the firm that carried out the work, has promised a ten-year guarantee on the new spans. Its director, Karin Vos, told reporters the company had used a corrosion-resistant alloy that had never before been tried on a bridge of this size in the region.',
  'Not everyone was celebrating. The opposition Green group on the council said the town should have used the closure to add a protected cycle lane, and its leader Pieter Janssen called the reopening a missed opportunity.',
  'Traffic police expect queues for the first few days while drivers adjust to a new speed limit of 40 kilometres an hour on the bridge. The old limit was 60.',
];

/** Same words, different paragraphing, quotes and case. */
export const EXACT = [`${ORIGIN[0]} ${ORIGIN[1]}`.replace('’', "'").toUpperCase(), ...ORIGIN.slice(2)];

/** Wire-style syndication: a dateline, two words edited, the last paragraph cut. */
export const NEAR = [
  `VELDMARK (Coastal Wire) – ${ORIGIN[0]!.replace('Monday morning', 'Monday')}`,
  ORIGIN[1]!.replace('first estimate', 'original estimate'),
  ORIGIN[2]!,
  ORIGIN[3]!,
  ORIGIN[4]!,
];

/** A local paper's own intro over part of the wire text. */
export const PARTIAL = [
  'For the shopkeepers of Hafenstrasse, the news everyone had waited for finally came this week. Marta Lind, whose bakery sits at the foot of the ramp, said she had lost a third of her morning customers while the crossing was shut and had twice thought about closing for good.',
  'Several of her neighbours told us the same story: fewer people walking past, deliveries arriving late, and months of uncertainty about when, or whether, things would return to normal. Here is what happened on Monday.',
  ORIGIN[0]!,
  ORIGIN[1]!,
  ORIGIN[2]!,
];

/** A paraphrase: sentences reordered and reworded, synonyms, one paragraph dropped. */
export const REWRITE = [
  'After fourteen months of repairs, traffic is flowing again over the harbour bridge in Veldmark, which reopened on Monday. Two of its steel spans had been ripped away by a winter storm. Commuters, fishermen and pupils stood in the rain as Mayor Ilse Brandt cut the ribbon at seven o’clock.',
  'Chief engineer Tomas Okafor blamed the overrun on corroded cables that inspectors discovered only after the deck was raised. The work came to 4.2 million euros, roughly 600,000 euros above the council’s initial budget.',
  'Nordlicht Bau, which did the repairs, is offering a ten-year guarantee on the new spans; director Karin Vos said it had used a corrosion-resistant alloy never tested before on a bridge this large in the region.',
  'Prior to the storm some 38,000 vehicles a day used the bridge to get from the old town to the container terminal. While it was closed, lorries were sent on a 22-kilometre diversion through Oster Haff, whose residents complained of noise and damaged pavements.',
  'Police warned of queues in the first days as drivers get used to the new limit of 40 kilometres an hour, down from 60.',
];

/** Same event, independent reporting: shares names and a few facts, written from other material. */
export const SAME_TOPIC = [
  'Veldmark’s bridge is open again, Mayor Ilse Brandt announced on regional radio on Monday, calling it a good day for the whole coast. She would not be drawn on the final bill, saying it would be published next month once every invoice had been checked.',
  'The storm that closed the crossing hit the coast in January last year. It also flooded about 200 homes in the lower town and stopped the island ferry for a week; the regional association of insurers puts total damage at 31 million euros, and many claims are still open.',
  'A spokesman for the port said container volumes fell by eight percent during the closure, though he blamed part of the fall on a weaker market. Hauliers say they will need weeks to move their routes back.',
  'The council’s Green group renewed its call for a cycle lane. Engineers are due to inspect the structure again in the spring.',
];

/** Nothing in common. */
export const UNRELATED = [
  'The public library in Brennau will host its first open chess tournament next Saturday, with boards set up in the reading room and the children’s corner. Organisers expect about eighty players, from primary-school pupils to a retired grandmaster who lives nearby.',
  'Entry is free, but players are asked to register online by Thursday. The winner of the under-twelve section will receive a year of free lessons at the town’s chess club, which has been meeting in the library basement since 1987.',
];

/** Language independence: a German origin and an edited syndicated copy of it. */
export const GERMAN = [
  'Die Stadtwerke von Lindach erhöhen zum ersten April die Wasserpreise um elf Prozent. Ein Haushalt mit vier Personen zahlt damit künftig rund sechzig Euro mehr im Jahr, teilte das Unternehmen am Dienstag mit.',
  'Als Grund nannte Geschäftsführerin Hanna Wendt die gestiegenen Kosten für Energie und die Sanierung von zwei alten Pumpwerken am Flussufer. Der Stadtrat muss der Erhöhung noch zustimmen, die Abstimmung ist für Ende Februar geplant.',
  'Die Opposition kündigte Widerstand an. Gerade Familien mit kleinen Einkommen würden durch die neuen Preise stark belastet, sagte der Fraktionschef der Freien Wähler.',
];
export const GERMAN_NEAR = [`LINDACH (dpa) – ${GERMAN[0]!}`, GERMAN[1]!.replace('zwei alten', 'zwei veralteten'), GERMAN[2]!];

/** A body pasted twice after a short standfirst. */
export const REPEATED_BODY = [
  'A short standfirst that appears only once in the article.',
  ORIGIN[0]!,
  ORIGIN[1]!,
  ORIGIN[2]!,
  ORIGIN[0]!,
  ORIGIN[1]!,
  ORIGIN[2]!,
];

export function text(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n');
}
