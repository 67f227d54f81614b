/**
 * Function names as the scheduler stores them. Convex records a scheduled
 * job's `name` in its canonical form `dir/file.js:export`; callers may pass
 * `dir/file:export`, `dir/file.js:export` or just `dir/file` (the default export).
 */

/** `messages:send` / `messages.js:send` / `messages` → `messages.js:send` / … / `messages.js:default`. */
export function canonicalJobName(path: string): string {
  const [modulePart, exportName = "default"] = splitPath(path);
  return `${modulePart}.js:${exportName}`;
}

/** `messages.js:send` → `messages:send` (the form the deployment's call API takes). */
export function callPath(path: string): string {
  const [modulePart, exportName = "default"] = splitPath(path);
  return `${modulePart}:${exportName}`;
}

function splitPath(path: string): [string, string | undefined] {
  const colon = path.lastIndexOf(":");
  const modulePart = colon === -1 ? path : path.slice(0, colon);
  const exportName = colon === -1 ? undefined : path.slice(colon + 1);
  return [modulePart.replace(/\.js$/, ""), exportName];
}

/** The function path of a syscall's function address (`{name}`; handles and component references are not supported). */
export function addressPath(args: Record<string, unknown>): string {
  if (typeof args.name === "string") return args.name;
  if (typeof args.functionHandle === "string") {
    const m = /^function:\/\/;?(.*)$/.exec(args.functionHandle);
    if (m && m[1]) return m[1];
    throw new Error(`Invalid function handle "${args.functionHandle}".`);
  }
  if (typeof args.reference === "string") {
    throw new Error("Scheduling functions of child components is not supported by the sandbox.");
  }
  throw new Error("Invalid function address: expected a function reference.");
}
