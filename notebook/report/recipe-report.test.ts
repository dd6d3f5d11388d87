import { describe, expect, it } from 'vitest';
import { testReportEnv } from '../test-fixtures/report-env.js';
import { recipeReport } from './recipe-report.js';

describe('recipeReport', () => {
  it('draws the result as a notebook report does, titled by the recipe, with its parameters folded', async () => {
    const html = await recipeReport(
      {
        recipe: 'lift',
        params: { alpha: 0.05 },
        result: { kind: 'recipe-result', metrics: { units: 4 }, tables: {}, charts: [{ id: 'x', title: 'Lift', marks: [{ mark: 'ruleX', data: [{ x: 0 }], options: { x: 'x' } }] }], notes: ['b wins'] },
      },
      testReportEnv(),
      new Date(Date.UTC(2025, 0, 2)),
    );
    expect(html).toContain('<title>Recipe lift</title>');
    expect(html).toContain('<h1>Recipe lift</h1>');
    expect(html).toContain('Report made 2025-01-02 00:00 UTC by liftbook · liftbook recipe lift');
    expect(html).toContain('<svg');
    expect(html).toContain('<li>b wins</li>');
    expect(html).toContain('<details><summary>Parameters</summary><pre class="text">{\n  &quot;alpha&quot;: 0.05\n}</pre></details>');
  });
});
