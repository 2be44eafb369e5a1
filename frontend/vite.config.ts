/// <reference types="vitest/config" />
import { fileURLToPath, URL } from "node:url";

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const gateway = process.env.TEX4IM_GATEWAY_URL ?? "http://127.0.0.1:8000";

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) },
  },
  server: {
    proxy: { "/api": { target: gateway, changeOrigin: false } },
  },
  build: {
    outDir: "dist",
    sourcemap: false,
    // the only chunk above the default 500 kB is the lazily loaded Natural Earth 1:50m atlas (233 kB gzipped)
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: "jsdom",
    globals: true,
    setupFiles: ["./src/testing/setup-tests.ts"],
    css: false,
    restoreMocks: true,
    unstubGlobals: true,
  },
});
