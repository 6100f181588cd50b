/** Which Node.js versions the package refuses, in one line (the package test runs it on an older Node.js). */
import { expect, it } from "vitest";
import { unsupportedNode } from "../src/node-version.js";

it("refuses Node.js older than 22.12, and nothing else", () => {
  for (const node of ["18.20.4", "20.20.2", "22.0.0", "22.11.9"]) {
    expect(unsupportedNode({ node })).toBe(`imr-determination needs Node.js >= 22.12; this is v${node}`);
  }
  for (const node of ["22.12.0", "22.18.1", "23.0.0", "24.21.0", "30.1.0"]) expect(unsupportedNode({ node })).toBeNull();
  expect(unsupportedNode()).toBeNull(); // this process
  // Not Node.js itself: a browser bundle, Deno or Bun.
  expect(unsupportedNode({})).toBeNull(); // no Node.js version at all
  expect(unsupportedNode({ node: "20.11.1", deno: "2.1.4" })).toBeNull();
  expect(unsupportedNode({ node: "22.6.0", bun: "1.2.0" })).toBeNull();
});
