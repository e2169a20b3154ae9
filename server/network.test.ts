import { describe, expect, it } from "vitest";
import { joinAddress, lanAddresses } from "./network";

const iface = (address: string, internal = false) => ({
  address,
  netmask: "255.255.255.0",
  family: "IPv4" as const,
  mac: "00:00:00:00:00:00",
  internal,
  cidr: null,
});

describe("the hall's addresses", () => {
  it("lists every non-internal IPv4 address, LAN ranges first, never loopback", () => {
    const list = lanAddresses({
      lo: [iface("127.0.0.1", true)],
      eth0: [iface("203.0.113.5")],
      wlan0: [iface("192.168.1.20"), { ...iface("fe80::1"), family: "IPv6" as const, scopeid: 0 }],
    });
    expect(list).toEqual(["192.168.1.20", "203.0.113.5"]);
  });

  it("never gives localhost to phones when the machine has a network address", () => {
    expect(joinAddress(null, "http://localhost:3000/screen/1", ["192.168.1.20"])).toEqual({
      url: "http://192.168.1.20:3000/",
      localOnly: false,
    });
    expect(joinAddress(null, "http://127.0.0.1:3211/screen/1", ["10.0.0.7"]).url).toBe(
      "http://10.0.0.7:3211/",
    );
    expect(joinAddress(null, "http://thi.local:3000/screen/1", ["10.0.0.7"]).url).toBe(
      "http://thi.local:3000/",
    );
    expect(joinAddress("https://thi.lyson.gov.vn", "http://localhost:3000/x", []).url).toBe(
      "https://thi.lyson.gov.vn/",
    );
  });

  it("says so when this machine is all there is", () => {
    expect(joinAddress(null, "http://localhost:3000/screen/1", [])).toEqual({
      url: "http://localhost:3000/",
      localOnly: true,
    });
  });
});
