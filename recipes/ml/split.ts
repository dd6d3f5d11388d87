import type { Rng } from './rng.js';
import { shuffleInPlace } from './rng.js';

/** Row indices of a train/test split, each in ascending order. */
export interface Split {
  train: Int32Array;
  test: Int32Array;
}

function sorted(rows: number[]): Int32Array {
  return Int32Array.from(rows).sort();
}

/**
 * A stratified random split: each class keeps its share in both parts (round(f·count) of each
 * class to test), as scikit-learn's train_test_split(stratify=y) does.
 *
 * @example
 * stratifiedSplit([0, 0, 0, 1, 1, 1, 1, 0], 0.25, createRng(1)); // → one 0 and one 1 in test
 */
export function stratifiedSplit(y: ArrayLike<number>, testFraction: number, rng: Rng): Split {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < y.length; i++) {
    const rows = byClass.get(y[i]);
    if (rows) rows.push(i);
    else byClass.set(y[i], [i]);
  }
  const train: number[] = [];
  const test: number[] = [];
  for (const key of [...byClass.keys()].sort()) {
    const rows = shuffleInPlace(byClass.get(key)!, rng);
    const k = Math.round(rows.length * testFraction);
    test.push(...rows.slice(0, k));
    train.push(...rows.slice(k));
  }
  return { train: sorted(train), test: sorted(test) };
}

/**
 * A time split: the latest `testFraction` of rows (by `time`) are the test set, so the model is
 * judged on customers it could not have seen, as it will be used.
 *
 * @example
 * timeSplit([5, 1, 4, 2], 0.5); // → train [1, 3], test [0, 2]
 */
export function timeSplit(time: ArrayLike<number>, testFraction: number): Split {
  const order = Array.from({ length: time.length }, (_, i) => i).sort((a, b) => time[a] - time[b] || a - b);
  const k = order.length - Math.round(order.length * testFraction);
  return { train: sorted(order.slice(0, k)), test: sorted(order.slice(k)) };
}
