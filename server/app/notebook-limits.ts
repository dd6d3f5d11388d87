import { HttpError } from './http-error.js';

/** Most cells a notebook may have: far beyond any analysis, small enough that parsing and diffing stay quick. */
export const MAX_NOTEBOOK_CELLS = 5000;

// A cell opens with a fence whose info string starts with its language (see notebook/fence.ts).
const CELL_OPENING = /^ {0,3}(?:`{3,}|~{3,})[ \t]*(?:js|ts|sql)\b/gm;

/**
 * Refuses (413) a notebook with more than MAX_NOTEBOOK_CELLS cells, counted from its fence
 * openings (a linear scan, before anything parses the text).
 *
 * @example
 * checkCellCount(source); // throws HttpError 413 for a 12,000-cell notebook
 */
export function checkCellCount(source: string): void {
  let cells = 0;
  for (CELL_OPENING.lastIndex = 0; CELL_OPENING.exec(source); ) {
    if (++cells > MAX_NOTEBOOK_CELLS) {
      throw new HttpError(413, `The notebook has more than ${MAX_NOTEBOOK_CELLS.toLocaleString('en-US')} cells, liftbook's limit per notebook: split it into several notebooks.`);
    }
  }
}
