import { describe, expect, it } from 'vitest';
import { opaqueBackground } from './chart-view.js';

describe('opaqueBackground', () => {
  it('takes the first colour that is not transparent, going out from the chart', () => {
    expect(opaqueBackground(['rgba(0, 0, 0, 0)', 'transparent', 'rgb(23, 27, 34)', 'rgb(15, 18, 23)'])).toBe('rgb(23, 27, 34)');
    expect(opaqueBackground(['rgb(255, 255, 255)', 'rgb(23, 27, 34)'])).toBe('rgb(255, 255, 255)');
    // Half-transparent still shows its colour.
    expect(opaqueBackground(['rgba(23, 27, 34, 0.5)'])).toBe('rgba(23, 27, 34, 0.5)');
  });

  it('falls back to white when nothing around the chart has a background', () => {
    expect(opaqueBackground(['rgba(0, 0, 0, 0)', ''])).toBe('#fff');
    expect(opaqueBackground([])).toBe('#fff');
  });
});
