import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The PDF entry point and the command import the package by its name, as users do.
    alias: {
      "imr-determination/pdf": fileURLToPath(new URL("./src/pdf/index.ts", import.meta.url)),
      "imr-determination": fileURLToPath(new URL("./src/index.ts", import.meta.url)),
    },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/setup/build.ts"],
    testTimeout: 60_000,
  },
});
