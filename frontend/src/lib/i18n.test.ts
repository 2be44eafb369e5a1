import { describe, expect, it } from "vitest";

import { i18n } from "@/lib/i18n";

type Tree = Record<string, unknown>;

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

function at(tree: Tree, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Tree)[part], tree);
}

const namespaces = Object.keys(i18n.options.resources?.en ?? {});

describe("the locale files", () => {
  it("have every namespace in every language", () => {
    expect(namespaces).toContain("translation");
    expect(Object.keys(i18n.options.resources?.it ?? {}).sort()).toEqual([...namespaces].sort());
  });

  it.each(namespaces)("translate every English key of %s into Italian, and nothing more", (namespace) => {
    const en = i18n.getResourceBundle("en", namespace) as Tree;
    const it_ = i18n.getResourceBundle("it", namespace) as Tree;
    expect(keys(it_).sort()).toEqual(keys(en).sort());
  });

  it.each(namespaces)("keep the interpolation variables of each message of %s", (namespace) => {
    const en = i18n.getResourceBundle("en", namespace) as Tree;
    const it_ = i18n.getResourceBundle("it", namespace) as Tree;
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
    for (const key of keys(en)) {
      expect(variables(String(at(it_, key))), key).toEqual(variables(String(at(en, key))));
    }
  });
});
