import { describe, expect, it } from "vitest";
import { startBanner } from "./start-banner";

describe("the start banner", () => {
  it("prints every LAN address with the port and says the QR code shows the first", () => {
    const text = startBanner({
      config: { publicUrl: null, host: "0.0.0.0" },
      port: 3000,
      seconds: "1.0",
      addresses: ["192.168.1.20", "10.8.0.2"],
    });
    expect(text).toContain("http://192.168.1.20:3000/");
    expect(text).toContain("http://10.8.0.2:3000/");
    expect(text).toContain("the QR code will show http://192.168.1.20:3000/");
    expect(text).not.toContain("localhost");
  });

  it("says plainly when only this machine can open it", () => {
    const text = startBanner({
      config: { publicUrl: null, host: "0.0.0.0" },
      port: 3000,
      seconds: "1.0",
      addresses: [],
    });
    expect(text).toContain("only works on this machine");
  });

  it("uses PUBLIC_URL when it is set", () => {
    const text = startBanner({
      config: { publicUrl: "https://thi.lyson.gov.vn/", host: "0.0.0.0" },
      port: 3000,
      seconds: "1.0",
      addresses: ["192.168.1.20"],
    });
    expect(text).toContain("https://thi.lyson.gov.vn/console");
    expect(text).not.toContain("PUBLIC_URL");
  });
});
