import { runDemo } from "./demo.js";
import { renderDemo } from "./print.js";

// CLI entry point (`npm run demo`): console output is its purpose.
runDemo().then(
  (result) => {
    console.log(renderDemo(result));
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
