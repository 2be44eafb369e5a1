// Fails when src/api/schema.d.ts is not what `npm run gen:api` makes from openapi.json today.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const spec = join(root, "openapi.json");
const committed = join(root, "src", "api", "schema.d.ts");

if (!existsSync(spec)) {
  console.error("check:api: frontend/openapi.json is missing; write it with `uv run devstack openapi` first.");
  process.exit(1);
}

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve("openapi-typescript/package.json")), "bin", "cli.js");
const workdir = mkdtempSync(join(tmpdir(), "tex4im-api-"));
const generated = join(workdir, "schema.d.ts");
try {
  execFileSync(process.execPath, [cli, spec, "-o", generated], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const expected = readFileSync(generated, "utf8");
  const actual = existsSync(committed) ? readFileSync(committed, "utf8") : "";
  if (expected !== actual) {
    console.error(
      "check:api: src/api/schema.d.ts is out of date with frontend/openapi.json.\n" +
        "Run `npm run gen:api` in frontend/, fix any type errors it shows, and commit both files.",
    );
    process.exit(1);
  }
  console.log("check:api: src/api/schema.d.ts matches openapi.json.");
} finally {
  rmSync(workdir, { recursive: true, force: true });
}
