import "@testing-library/jest-dom/vitest";
import "@/lib/i18n";

import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach } from "vitest";

import { i18n } from "@/lib/i18n";

function clearCookies() {
  for (const cookie of document.cookie.split(";")) {
    const name = cookie.split("=")[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

beforeEach(async () => {
  window.localStorage.clear();
  clearCookies();
  await i18n.changeLanguage("en");
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
});
