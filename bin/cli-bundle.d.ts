/** See cli-bundle.js. */
export function cliBundle(): Promise<string | null>;
