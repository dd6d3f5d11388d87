// The parts of Observable Inputs the page uses to draw inputs described by cells (it ships no
// type declarations). Every constructor returns a <form> whose `value` is the input's value and
// which dispatches `input` events when the reader changes it.
declare module '@observablehq/inputs' {
  export type InputForm = HTMLFormElement & { value: unknown };
  type Options = Record<string, unknown>;
  export function range(extent?: [number | undefined, number | undefined], options?: Options): InputForm;
  export function number(extent?: [number | undefined, number | undefined], options?: Options): InputForm;
  export function text(options?: Options): InputForm;
  export function textarea(options?: Options): InputForm;
  export function toggle(options?: Options): InputForm;
  export function color(options?: Options): InputForm;
  export function date(options?: Options): InputForm;
  export function select(data: unknown[], options?: Options): InputForm;
  export function radio(data: unknown[], options?: Options): InputForm;
  export function checkbox(data: unknown[], options?: Options): InputForm;
  export function search(data: unknown[], options?: Options): InputForm;
  export function table(data: unknown[], options?: Options): InputForm;
}
