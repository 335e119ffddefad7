/** Invented articles (fictional places, people and outlets) for merge tests. */

// Invented reports on one event, the Kessridge dam spillway, in two bursts 13 days apart:
// too far apart (window ±10 days) for the second burst to join the first, until a report
// from the week between matches both.
export const EARLY_1 = `Cracks found in Kessridge dam spillway
date 2026-05-01
source Orlen Valley Courier

Engineers inspecting the Kessridge dam found cracks in the concrete spillway on Friday, the Orlen Valley water board said.
Board engineer Tamsin Voight said the Kessridge reservoir would be drawn down by two metres while the spillway cracks are surveyed.
Residents of Lower Kessridge were told there was no immediate danger.`;

export const EARLY_2 = `Kessridge reservoir lowered after spillway cracks
date 2026-05-01
source Harrowgate Post

The Orlen Valley water board is lowering the Kessridge reservoir by two metres after engineers found cracks in the dam's spillway.
Tamsin Voight, the board's engineer, said the spillway cracks would be surveyed before any repair.
Lower Kessridge residents are not in immediate danger, the board said.`;

export const LATE_1 = `Kessridge spillway repairs to cost 4 million
date 2026-05-14
source Orlen Valley Courier

Repairing the cracked spillway of the Kessridge dam will cost 4 million, the Orlen Valley water board said on Thursday.
Engineer Tamsin Voight said the Kessridge reservoir would stay two metres lower until the spillway cracks are sealed.
Lower Kessridge residents were told the repairs would take the summer.`;

export const LATE_2 = `Kessridge dam spillway fix priced at 4 million
date 2026-05-14
source Harrowgate Post

The Orlen Valley water board priced the repair of the Kessridge dam's cracked spillway at 4 million.
The Kessridge reservoir stays two metres lower until the cracks are sealed, board engineer Tamsin Voight said.
Work near Lower Kessridge will last the summer.`;

export const BRIDGE = `Divers survey cracked Kessridge spillway
date 2026-05-07
source Lakeside Ledger

Divers surveyed the cracked spillway of the Kessridge dam this week as the Orlen Valley water board kept the Kessridge reservoir two metres lower.
Board engineer Tamsin Voight said the survey of the spillway cracks would set the cost of repairs.
Lower Kessridge residents were again told there was no immediate danger.`;
