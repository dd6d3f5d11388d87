import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: the CLI prints it with the usage and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
  }
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses a command's arguments strictly (unknown flags and missing values are UsageErrors).
 *
 * @example
 * parseCommand('recipes', ['--json'], { json: { type: 'boolean' } }).values.json; // → true
 */
export function parseCommand<O extends Options>(command: string, args: string[], options: O, positionals = 0) {
  try {
    const parsed = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: positionals > 0, strict: true });
    if (!(parsed.values as { help?: boolean }).help && parsed.positionals.length > positionals) {
      throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`, command);
    }
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node's messages are clear but long-winded; keep the first sentence.
    throw new UsageError((error as Error).message.split('. ')[0].replace(/\.$/, ''), command);
  }
}

/**
 * Reads `--param key=value` pairs: the value is JSON when it parses (`3`, `true`, `["a"]`),
 * otherwise the plain string. A pair without `=` is a UsageError.
 *
 * @example
 * parseKeyValues(['alpha=0.1', 'variant=arm', 'metrics=["converted"]'], 'param');
 * // → { alpha: 0.1, variant: 'arm', metrics: ['converted'] }
 */
export function parseKeyValues(pairs: string[] | undefined, flag: string, json = true, command?: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`--${flag} needs <name>=<value>, got "${pair}"`, command);
    const key = pair.slice(0, eq);
    const raw = pair.slice(eq + 1);
    out[key] = json ? parseJsonOrString(raw) : raw;
  }
  return out;
}

function parseJsonOrString(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
