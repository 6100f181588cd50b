/**
 * Where `imr-parse` keeps Node's compile cache: in the user's own cache folder, where no
 * other user can write (Node's default, the system's temporary folder, is shared).
 */
import { homedir } from "node:os";
import { isAbsolute, join } from "node:path";

/** The cache folder by each platform's convention, or undefined when there is no home to put it in. */
export function compileCacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string | undefined {
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, "imr-determination");
  if (platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "imr-determination", "Cache") : undefined;
  if (!home) return undefined;
  if (platform === "darwin") return join(home, "Library", "Caches", "imr-determination");
  return join(home, ".cache", "imr-determination");
}
