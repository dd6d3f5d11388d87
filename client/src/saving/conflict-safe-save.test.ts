import { describe, expect, it } from 'vitest';
import { withTypedEdits } from './conflict-safe-save.js';

const nb = (a: string, b: string) => `# T\n\n\`\`\`js id=a\n${a}\n\`\`\`\n\n\`\`\`js id=b\n${b}\n\`\`\`\n`;

describe('withTypedEdits', () => {
  it('shows the merge when nothing was typed meanwhile', () => {
    expect(withTypedEdits(nb('1', '2'), nb('1', '2'), nb('1', 'theirs'))).toBe(nb('1', 'theirs'));
  });

  it('keeps keystrokes made while the merge was being saved, over the merge', () => {
    const typed = nb('mine', '2');
    expect(withTypedEdits(typed, nb('mine, then more', '2'), nb('mine', 'theirs'))).toBe(nb('mine, then more', 'theirs'));
    expect(withTypedEdits(typed, nb('mine', 'typed late'), nb('mine', 'theirs'))).toBe(nb('mine', 'typed late'));
  });
});
