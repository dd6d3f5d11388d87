export async function runCommand(_args: string[]): Promise<number> {
  throw new Error('not yet');
}
