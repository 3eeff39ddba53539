import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console is served by the service itself (src/api/console), so it builds to static files
// only. No inline script or style ends up in index.html: the service's CSP forbids both.
export default defineConfig({
  root: import.meta.dirname,
  base: "/",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // The charting chunk loads only on the trends screen; the first-load budget is checked gzipped
    // by web/build/firstLoad.ts instead of by chunk size.
    chunkSizeWarningLimit: 1_000,
  },
});
