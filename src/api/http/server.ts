import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { HttpApi } from "./app.js";
import { answerClientErrorsAsProblems } from "./clientErrors.js";

export interface ServerOptions {
  port: number;
  host?: string;
  logger?: Logger;
  /** After this, connections still open are cut so shutdown always ends. */
  shutdownTimeoutMs?: number;
  /** Closed in this order after the last request finished: e.g. projector, then store. */
  resources?: readonly { name: string; close: () => Promise<void> | void }[];
}

export interface RunningServer {
  server: Server;
  /** e.g. http://127.0.0.1:43123 */
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the resources in order. */
  close(): Promise<void>;
}

const KEEP_ALIVE_MS = 65_000;

export async function startServer(api: HttpApi, options: ServerOptions): Promise<RunningServer> {
  // Express answers a missing Host as problem+json; Node's own check would answer a bare 400.
  const server = createServer({ requireHostHeader: false }, api.app);
  answerClientErrorsAsProblems(server, options.logger);
  // Longer than clients' and proxies' idle timeouts, so the client ends an idle connection: a
  // server ending it as the client reuses it resets that request (ECONNRESET).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.listen(options.port, options.host ?? "0.0.0.0");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  let closing: Promise<void> | undefined;

  const shutdown = async () => {
    api.beginShutdown();
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // Keep-alive connections of requests that finish during the drain turn idle later; reap them.
    server.closeIdleConnections();
    const reaper = setInterval(() => server.closeIdleConnections(), 25);
    const timer = setTimeout(() => {
      options.logger?.warn("shutdown timeout: closing remaining connections");
      server.closeAllConnections();
    }, options.shutdownTimeoutMs ?? 10_000);
    timer.unref();
    await drained;
    clearInterval(reaper);
    clearTimeout(timer);
    for (const resource of options.resources ?? []) {
      try {
        await resource.close();
      } catch (error) {
        options.logger?.error({ err: error, resource: resource.name }, "closing a resource failed");
      }
    }
    options.logger?.info("server closed");
  };

  return {
    server,
    url: `http://${host === "[::]" || host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`,
    close: () => {
      closing ??= shutdown();
      return closing;
    },
  };
}

/** For the composition root: SIGTERM and SIGINT close the server gracefully, then exit. */
export function closeOnSignals(running: RunningServer, logger: Logger): void {
  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
