import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { openDatabase } from './open-database.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'liftbook-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("prepares each SQL text once, and a caller's mode does not carry over to the next caller", () => {
  const { db } = openDatabase(dir);
  const sql = 'SELECT count(*) AS n FROM users';
  const first = db.prepare(sql);
  expect(db.prepare(sql)).toBe(first);
  expect(db.prepare(sql).pluck().get()).toBe(0);
  expect(db.prepare(sql).get()).toEqual({ n: 0 });
  expect(db.prepare(sql).raw().get()).toEqual([0]);
  expect(db.prepare(sql).all()).toEqual([{ n: 0 }]);
  db.close();
});
