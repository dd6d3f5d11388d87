// d3-format comes with Plot (through d3) and ships no type declarations; notebook/value-format.ts
// uses its specifier language for column formats in the workbench and the reports.
declare module 'd3-format' {
  export function format(specifier: string): (n: number | { valueOf(): number }) => string;
  export function formatSpecifier(specifier: string): object;
}
