import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { tableRows } from '../result-json.js';
import { fitEncoder } from './encoder.js';
import { modelTable, readSavedModel, type SavedModel } from './saved-model.js';

const encoder = fitEncoder(['x', 'plan'], { x: [1, 2, 3], plan: ['a', 'b', 'a'] }, [0, 1, 2]);
const saved: SavedModel = {
  format: 'liftbook-model',
  version: 1,
  recipe: 'churn',
  model: 'logistic',
  encoder,
  network: { layers: [{ inputs: 3, units: 1, kernel: [0.1, 0.2, 0.3], bias: [0], activation: 'sigmoid' }] },
  meta: { source: 'customers' },
};

describe('saved model', () => {
  it('survives the JSON round trip of a recipe result (CLI --json, then --input model=file.json)', () => {
    const rows = JSON.parse(JSON.stringify(tableRows(modelTable(saved))));
    expect(readSavedModel(aq.from(rows), 'churn')).toEqual(saved);
    expect(readSavedModel(JSON.stringify(saved), 'churn')).toEqual(saved);
  });

  it('rejects what is not a fitting model, saying why', () => {
    expect(() => readSavedModel(aq.table({ other: [1] }), 'churn')).toThrow(/needs exactly one row and a column "model"/);
    expect(() => readSavedModel('not json', 'churn')).toThrow(/its text is not JSON/);
    expect(() => readSavedModel({ ...saved, recipe: 'next-purchase' }, 'churn')).toThrow(/trained by the next-purchase recipe/);
    const wrong = { ...saved, network: { layers: [{ ...saved.network.layers[0], inputs: 2, kernel: [1, 2] }] } };
    expect(() => readSavedModel(wrong, 'churn')).toThrow(/layer sizes do not fit together/);
  });
});
