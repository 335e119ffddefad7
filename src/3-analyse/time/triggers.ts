/**
 * Which words wake which English rule. One word scan finds the triggers; each
 * rule then runs only on short windows around its own triggers instead of over
 * the whole text (most of an article holds no time expression at all).
 * Every match of a rule contains one of its triggers.
 */

/** Any token that starts with a digit. */
export const DIGIT = '#digit';

const MONTHS =
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  );
const WEEKDAYS = 'monday tuesday wednesday thursday friday saturday sunday'.split(' ');
const UNITS =
  'second seconds minute minutes hour hours day days week weeks fortnight fortnights month months quarter quarters year years decade decades century centuries weekend weekends'.split(
    ' ',
  );
const NUMBER_WORDS = 'nineteen thousand'.split(' ');
export const TRIGGERS: Record<string, string[]> = {
  'en/holiday':
    'christmas year independence halloween valentine thanksgiving memorial labor election easter'.split(
      ' ',
    ),
  'en/weekend': ['weekend'],
  'en/clock-day': [DIGIT],
  'en/month-day-year': MONTHS,
  'en/day-month-year': MONTHS,
  'en/month': MONTHS,
  'num/iso': [DIGIT],
  'num/us-slash': [DIGIT],
  'en/decade': [DIGIT, 'century'],
  'en/year': [DIGIT],
  'en/quarter': ['quarter', 'half'],
  'en/the-quarter': ['quarter', 'period'],
  'en/season': ['spring', 'summer', 'fall', 'autumn', 'winter'],
  'en/weekday': WEEKDAYS,
  'en/deictic-day': 'today yesterday tomorrow tonight morning afternoon evening night'.split(' '),
  'en/clock': [DIGIT, 'noon', 'midnight'],
  'en/unit-deictic': ['week', 'month', 'year', 'decade', 'century'],
  'en/the-unit': ['year', 'month'],
  'en/ago-later': 'ago earlier later before after now hence previously afterward afterwards'.split(
    ' ',
  ),
  'en/year-earlier': ['year'],
  'en/narrative-day': 'day morning evening night week month year'.split(' '),
  'en/duration': UNITS,
  'en/vague-duration': 'years months weeks days decades hours minutes'.split(' '),
  'en/set': 'daily weekly monthly annually yearly hourly nightly every each'.split(' '),
  'en/rate': ['year', 'month', 'week', 'day', 'hour', 'quarter'],
  'en/recent-units': ['recent'],
  'en/spelled-year': NUMBER_WORDS,
  'en/ref':
    'now currently current nowadays present moment days presently recently past lately formerly future someday coming'.split(
      ' ',
    ),
};

/** Characters a window reaches before and after its trigger: longer than any match's part on that side. */
export const LOOK_BEHIND = 80;
export const LOOK_AHEAD = 100;
