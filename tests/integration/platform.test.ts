import { describe, expect, it } from "vitest";
import { io as connect } from "socket.io-client";
import { createPlatform } from "#server/platform";
import { testServices } from "./test-services";

describe("the platform process", () => {
  it("answers /healthz with ok while the database answers, and 503 when it cannot", async () => {
    const services = await testServices();
    const platform = await createPlatform(services, { kind: "none" });
    const { port } = await platform.start();
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });

    await services.db.schema
      .dropTable("contests")
      .execute()
      .catch(() => undefined);
    const down = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable" });
    await platform.stop();
  });

  it("stops gracefully: finishes the request in flight, disconnects sockets, closes the database", async () => {
    const services = await testServices();
    const platform = await createPlatform(services, { kind: "none" });
    let release!: () => void;
    platform.app.get("/slow", (_req, res) => {
      release = () => res.status(200).send("done");
    });
    const { port } = await platform.start();

    const socket = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"], reconnection: false });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const disconnected = new Promise<string>((resolve) =>
      socket.on("disconnect", (reason) => resolve(reason)),
    );

    const inFlight = fetch(`http://127.0.0.1:${port}/slow`);
    await new Promise((r) => setTimeout(r, 50));
    const stopped = platform.stop();
    await new Promise((r) => setTimeout(r, 50));
    // New connections are refused while the slow request is still being served.
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    release();
    const response = await inFlight;
    expect(await response.text()).toBe("done");
    await stopped;
    expect(await disconnected).toBe("io server disconnect");
    // The database handle is closed.
    await expect(services.db.selectFrom("contests").selectAll().execute()).rejects.toThrow();
  });
});
