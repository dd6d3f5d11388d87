// The page side of chart-layout.test.ts: the client's chart view and the layout checks, bundled
// into one script for a blank page.
import { chartView } from '../../client/src/outputs/chart-view.js';
import { chartProblems } from './chart-checks.js';

Object.assign(window, { chartView, chartProblems });
