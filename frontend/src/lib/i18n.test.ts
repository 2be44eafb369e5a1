import { describe, expect, it } from "vitest";

import en from "@/locales/en.json";
import it_ from "@/locales/it.json";

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe("the locale files", () => {
  it("translate every English key into Italian, and nothing more", () => {
    expect(keys(it_).sort()).toEqual(keys(en).sort());
  });

  it("keep the interpolation variables of each message", () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((match) => match[1]).sort();
    const italian = new Map(
      keys(it_).map((key) => [key, key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], it_)]),
    );
    for (const key of keys(en)) {
      const english = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);
      expect(variables(String(italian.get(key))), key).toEqual(variables(String(english)));
    }
  });
});
