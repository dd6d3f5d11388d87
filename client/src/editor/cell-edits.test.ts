import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from '../../../notebook/format.js';
import { toggleCollapsed, withCode, withSqlSource } from './cell-edits.js';

const TEXT = '# T\n\n```js id=a recipe=lift\nconst lift = await recipe("lift", { units }, {})\n```\n\n```sql id=q\nSELECT 1\n```\n';
const doc = () => parseNotebook(TEXT);

describe('cell edits', () => {
  it('a recipe cell follows its code to another recipe; other code keeps the attribute', () => {
    const next = withCode(doc(), 'a', 'const s = await recipe("segments", { units }, {})');
    expect(serializeNotebook(next)).toContain('```js id=a recipe=segments\nconst s = await recipe("segments"');
    const free = withCode(doc(), 'a', 'const x = 1');
    expect(serializeNotebook(free)).toContain('```js id=a recipe=lift\nconst x = 1\n');
  });

  it('collapses and expands a cell', () => {
    const collapsed = toggleCollapsed(doc(), 'q');
    expect(serializeNotebook(collapsed)).toContain('```sql id=q collapsed\n');
    expect(serializeNotebook(toggleCollapsed(collapsed, 'q'))).toBe(TEXT);
    expect(toggleCollapsed(doc(), 'nope').blocks.length).toBe(doc().blocks.length);
  });

  it('writes a SQL cell\'s source, and nothing for the default local', () => {
    const remote = withSqlSource(doc(), 'q', 'warehouse');
    expect(serializeNotebook(remote)).toContain('```sql id=q source=warehouse\n');
    expect(serializeNotebook(withSqlSource(remote, 'q', 'local'))).toBe(TEXT);
  });
});
