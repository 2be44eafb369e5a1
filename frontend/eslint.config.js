// @ts-check
import { readdirSync } from "node:fs";

import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// bulletproof-react's one-way flow: shared code (components, lib) -> features -> app.
// Features never import each other; the app composes them.
const features = readdirSync(new URL("./src/features", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const noAppImports = { group: ["@/app", "@/app/**"], message: "Only src/app may import from the app layer." };
const noFeatureImports = {
  group: ["@/features/**"],
  message: "Shared code (components, lib) must not depend on a feature.",
};
const noRelativeEscape = {
  group: ["../../**"],
  message: "Import across folders with the @/ alias, so the boundaries below can be checked.",
};

const featureBoundaries = features.map((feature) => ({
  files: [`src/features/${feature}/**/*.{ts,tsx}`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          noAppImports,
          noRelativeEscape,
          {
            group: ["@/features/**", `!@/features/${feature}`, `!@/features/${feature}/**`],
            message: "Features never import each other: compose them in src/app instead.",
          },
        ],
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ["dist", "node_modules", "coverage", "src/api/schema.d.ts"] },
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2023,
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["src/components/**/*.{ts,tsx}", "src/lib/**/*.{ts,tsx}", "src/api/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [noAppImports, noFeatureImports, noRelativeEscape] }],
    },
  },
  ...featureBoundaries,
  {
    // A module re-exporting others is a barrel; bulletproof-react (and we) import from the file itself.
    files: ["src/**/index.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ExportAllDeclaration", message: "No barrel files: import from the module itself." },
        { selector: "ExportNamedDeclaration[source]", message: "No barrel files: import from the module itself." },
      ],
    },
  },
  {
    files: ["*.{js,mjs,ts}", "scripts/**/*.mjs"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
