/**
 * The API reference reads well: every export of both entry points has a TSDoc comment
 * with an example, and every field of the result types a description (checked on
 * typedoc's own model of the package).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";

interface Reflection {
  name: string;
  kind: number;
  comment?: { summary?: { text: string }[]; blockTags?: { tag: string }[] };
  signatures?: Reflection[];
  children?: Reflection[];
  type?: { type: string; declaration?: Reflection; types?: { type: string; declaration?: Reflection }[] };
}

let project: Reflection;
beforeAll(() => {
  const out = join(mkdtempSync(join(tmpdir(), "imr-docs-")), "api.json");
  const root = join(import.meta.dirname, "..");
  execFileSync(process.execPath, [join(root, "node_modules", "typedoc", "bin", "typedoc"), "--json", out, "--logLevel", "Error"], { cwd: root });
  project = JSON.parse(readFileSync(out, "utf8")) as Reflection;
}, 120_000);

it("every export has a TSDoc comment with an example", () => {
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

it("every field of the result types is described, down to nested objects", () => {
  const main = project.children!.find((m) => m.name === "imr-determination")!;
  const undescribed: string[] = [];
  const visit = (owner: string, fields: Reflection[] = []) => {
    for (const field of fields) {
      const path = `${owner}.${field.name}`;
      if (!field.comment?.summary?.some((part) => part.text.trim() !== "")) undescribed.push(path);
      const nested = [field.type?.declaration, ...(field.type?.types ?? []).map((t) => t.declaration)];
      for (const declaration of nested) visit(path, declaration?.children);
    }
  };
  const named = ["IMRDetermination", "Decision", "Guideline", "MtusCitation", "NonMtusCitation", "Diagnostic", "Span", "TextField", "Sources", "CitationRow"];
  for (const name of named) {
    const type = main.children!.find((c) => c.name === name);
    expect(type, name).toBeDefined();
    expect(type!.children!.length, name).toBeGreaterThan(1);
    visit(name, type!.children);
  }
  expect(undescribed).toEqual([]);
});
