// Builds the package once before the tests that run it (the command, the tarball).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync("npm", ["run", "build", "--silent"], { cwd: new URL("../..", import.meta.url), stdio: ["ignore", "ignore", "inherit"] });
}
