// Builds the adjuster console into console/dist, which wrangler.toml's [assets] serves.
//   npm run console:build [-- --force]
import { buildConsole } from "./lib/console-build";

console.log(`console: ${buildConsole({ force: process.argv.includes("--force") })}`);
