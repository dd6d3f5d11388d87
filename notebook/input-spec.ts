/**
 * What an input is, as it crosses from the sandbox to the page: a plain, JSON-safe description
 * (never DOM made by cell code). The page draws it with Observable Inputs and answers with a raw
 * value — a number, text, a flag, or indices into the description's choices or rows — which the
 * sandbox turns back into the value cells see (see inputs.ts).
 */

interface Common {
  label?: string;
  disabled?: boolean;
  /** Width in pixels, as Observable Inputs takes it. */
  width?: number;
}

/** The description of one input. */
export type InputSpec =
  | (Common & { type: 'range' | 'number'; min?: number; max?: number; step?: number; placeholder?: string })
  | (Common & { type: 'text' | 'textarea'; placeholder?: string; submit?: boolean | string; maxlength?: number; rows?: number })
  | (Common & { type: 'toggle' })
  | (Common & { type: 'color' })
  | (Common & { type: 'date'; min?: string; max?: string })
  | (Omit<Common, 'disabled'> & {
      type: 'select' | 'radio' | 'checkbox';
      /** The options as the reader sees them (their `format`), in order; raw values are indices into this. */
      choices: string[];
      multiple?: boolean;
      size?: number;
      /** Everything disabled, or the indices of disabled choices. */
      disabled?: boolean | number[];
    })
  | (Common & {
      type: 'search';
      placeholder?: string;
      columns?: string[];
      datalist?: string[];
      /** JSON-safe copies of the data searched (strings, numbers, ISO dates). */
      rows: unknown[];
    })
  | (Common & {
      type: 'table';
      columns: string[];
      header?: Record<string, string>;
      /** JSON-safe copies of the rows; raw values are indices into this. */
      rows: Record<string, unknown>[];
      /** Columns whose values were dates (ISO strings here): the page shows them as dates. */
      dateColumns?: string[];
      multiple?: boolean;
      /** When nothing is selected the value is every row (Observable's default). */
      required?: boolean;
      select?: boolean;
      sort?: string;
      reverse?: boolean;
      /** How many rows show before scrolling. */
      visibleRows?: number;
      maxWidth?: number;
      height?: number;
      layout?: 'fixed' | 'auto';
      align?: Record<string, 'left' | 'right' | 'center'>;
    });

export type InputType = InputSpec['type'];

/**
 * An input's state as the page reports it: a number (`range`, `number`; `null` when empty), text
 * (`text`, `textarea`, `color`, a `search` query), a flag (`toggle`), an ISO date or `null`
 * (`date`), an index or `null` (`radio`, single `select`), indices (`checkbox`, multiple
 * `select`, `table` selection).
 */
export type InputRaw = number | string | boolean | null | number[];
