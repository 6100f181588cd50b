import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  target: "node22",
  platform: "node",
  treeshake: true,
  // One file loads much faster than the hundreds of modules chevrotain and zod/mini ship
  // as: the import is most of a cold start.
  noExternal: ["chevrotain", "zod"],
});
