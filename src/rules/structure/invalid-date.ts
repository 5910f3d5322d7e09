import { isCalendarDate } from '../../shared/date.js';
import { defineRule } from '../../validate/rule.js';

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

export default defineRule({
  meta: {
    id: 'structure/invalid-date',
    title: 'Dates are real calendar dates',
    severity: 'error',
    kind: 'structure',
    pillars: ['operational-excellence'],
    waf: ['OE:05'],
    rationale:
      'A date such as 2026-02-31 or 2026-13-45 has the right shape but names no day: compared as text it sorts somewhere arbitrary, and read as a date it silently rolls over into another month. An acceptance expiry, a review date or a design date must mean one day.',
    fix: 'Write an existing day as YYYY-MM-DD, e.g. `2026-02-28`.',
    references: [{ title: 'Infrastructure as code (Well-Architected OE:05)', url: 'https://learn.microsoft.com/azure/well-architected/operational-excellence/infrastructure-as-code-design' }],
    messages: { notCalendarDate: '{{what}} "{{value}}" is not a calendar date' },
  },
  check(ctx) {
    // Values of the wrong shape are already structure/schema findings; this rule reports the impossible ones.
    const bad = (v: string | undefined, path: string, what: string): void => {
      if (v !== undefined && SHAPE.test(v) && !isCalendarDate(v)) ctx.report({ messageId: 'notCalendarDate', data: { what, value: v }, path });
    };
    bad(ctx.model.metadata.date, 'metadata.date', 'the design date');
    bad(ctx.model.review.asOf, 'review.asOf', 'the review date (asOf)');
    (ctx.model.review.acceptedRisks ?? []).forEach((r, i) =>
      bad(r.expires, `review.acceptedRisks[${i}].expires`, `the expiry of the accepted risk for ${r.rule}`),
    );
  },
});
