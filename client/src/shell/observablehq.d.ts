// The parts of Observable's packages the client uses (they ship no type declarations).
declare module '@observablehq/inspector' {
  /** Observable's value inspector: expandable objects, arrays, Maps, Sets, dates and errors. */
  export class Inspector {
    constructor(node: Element);
    fulfilled(value: unknown, name?: string): void;
    rejected(error: unknown, name?: string): void;
    pending(): void;
  }
}

