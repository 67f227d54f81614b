/** Argument checks shared by the system queries (their texts name the argument at fault). */

export function rejectExtra(rest: Record<string, unknown>, prefix = ""): void {
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw new Error(`Unexpected argument \`${prefix}${extra}\``);
}

export function rejectAnyArguments(path: string, args: Record<string, unknown>): void {
  if (Object.keys(args).length > 0) throw new Error(`${path} takes no arguments`);
}
