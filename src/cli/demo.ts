import { runDemo } from "../demo/demo.js";
import { renderDemo } from "../demo/print.js";

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
