/**
 * Sizes a title input to its text, for browsers without CSS `field-sizing: content` (which,
 * where supported, wins over `size`): a long title must show whole, not scroll inside the field.
 *
 * @example
 * input.addEventListener('input', () => fitTitleInput(input));
 */
export function fitTitleInput(input: HTMLInputElement): void {
  input.size = Math.max(12, input.value.length + 2);
}
