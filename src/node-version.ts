/**
 * The oldest Node.js the package runs on is 22.12: the first 22.x whose `require` loads ES
 * modules (the CommonJS entry is the ES module build, loaded that way) and whose
 * `node:module` has `enableCompileCache` (the command turns it on).
 */

/**
 * The one line to tell a user whose Node.js is older than 22.12, or null when it will do.
 * Outside Node.js itself (a bundle for a browser; Deno and Bun, which report a Node.js
 * version of their own) there is nothing to tell.
 */
export function unsupportedNode(versions: Readonly<Record<string, string | undefined>> | undefined = globalThis.process?.versions): string | null {
  const version = versions?.node;
  if (version === undefined || versions!.deno !== undefined || versions!.bun !== undefined) return null;
  const [major = 0, minor = 0] = version.split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12) ? null : `imr-determination needs Node.js >= 22.12; this is v${version}`;
}
