import { z } from 'zod';
import { column } from '../column.js';
import { experimentArm } from '../column-roles.js';
import { compareParams, controlArm } from '../stats/compare-params.js';

/**
 * The `engagement` parameters. variant, session and timestamp default in the schema; the sessions
 * input's optional columns (bounced, scroll_depth, interacted) are used only when present, so their
 * defaults apply where the table is read.
 *
 * @example
 * engagementParams.parse({}).session; // → 'session_id'
 */
export const engagementParams = z.strictObject({
  variant: experimentArm,
  control: controlArm,
  session: column({
    default: 'session_id',
    required: true,
    description: 'Column with the session id (pageviews input).',
    role: 'session id',
  }),
  timestamp: column({
    default: 'timestamp',
    required: true,
    description: 'Column with the page-view time (pageviews input).',
    role: 'page-view time',
  }),
  pageviews: column({
    default: 'pageviews',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the page views per session (sessions input) (default {default}).',
    role: 'page views in the session',
  }),
  duration: column({
    default: 'duration',
    defaultWhenRead: true,
    required: true,
    description: 'Column with the session duration in seconds (sessions input) (default {default}).',
    role: 'session duration in seconds',
  }),
  bounced: column({
    default: 'bounced',
    defaultWhenRead: true,
    description: 'Column with the 0/1 bounce flag (sessions input; default: one page view = bounce) (default {default}).',
    role: '0/1 bounce flag',
  }),
  scroll_depth: column({
    default: 'scroll_depth',
    defaultWhenRead: true,
    description: 'Column with the scroll depth, 0–1 or percent (default {default}).',
    role: 'mean scroll depth',
  }),
  interacted: column({
    default: 'interacted',
    defaultWhenRead: true,
    description: 'Column with the 0/1 interaction flag (default {default}).',
    role: '0/1 interaction flag',
  }),
  duration_covers_last_page: z
    .boolean()
    .default(false)
    .describe(
      'Sessions input: true when duration includes the time on the last page (then time on page = duration / pageviews); web analytics durations do not.',
    ),
  ...compareParams,
});

export type EngagementParams = z.output<typeof engagementParams>;
