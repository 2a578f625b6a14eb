import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The console builds into console/dist, which wrangler.toml's [assets] serves beside the API.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
});
