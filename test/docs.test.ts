/**
 * The API reference reads well: every export of both entry points has a TSDoc comment
 * with an example (checked on typedoc's own model of the package).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";

interface Reflection {
  name: string;
  kind: number;
  comment?: { blockTags?: { tag: string }[] };
  signatures?: Reflection[];
  children?: Reflection[];
}

it("every export has a TSDoc comment with an example", () => {
  const out = join(mkdtempSync(join(tmpdir(), "imr-docs-")), "api.json");
  const root = join(import.meta.dirname, "..");
  execFileSync(process.execPath, [join(root, "node_modules", "typedoc", "bin", "typedoc"), "--json", out, "--logLevel", "Error"], { cwd: root });
  const project = JSON.parse(readFileSync(out, "utf8")) as Reflection;
  const missing: string[] = [];
  for (const module of project.children ?? []) {
    for (const item of module.children ?? []) {
      const comment = item.comment ?? item.signatures?.[0]?.comment;
      if (!comment?.blockTags?.some((t) => t.tag === "@example")) missing.push(`${module.name}.${item.name}`);
    }
  }
  expect(missing).toEqual([]);
  expect((project.children ?? []).flatMap((m) => m.children ?? []).length).toBeGreaterThan(40);
});
