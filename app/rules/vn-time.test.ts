import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  ageOn,
  formatVnDate,
  formatVnDateTime,
  formatVnTime,
  isRealDate,
  parseIsoDate,
  parseVnDateTimeLocal,
  toVnDateTimeLocal,
  vnCalendarDate,
  VN_TIME_ZONE,
} from "./vn-time";

describe("formatting in Vietnam time", () => {
  it("writes a time and date the way notices do", () => {
    const instant = new Date("2026-11-27T01:00:00Z");
    expect(formatVnDateTime(instant)).toBe("08:00 ngày 27/11/2026");
    expect(formatVnDate(instant)).toBe("27/11/2026");
    expect(formatVnTime(instant)).toBe("08:00");
  });

  it("moves to the next day in Vietnam after 17:00 UTC", () => {
    const instant = new Date("2026-12-31T17:30:00Z");
    expect(formatVnDateTime(instant)).toBe("00:30 ngày 01/01/2027");
    expect(vnCalendarDate(instant)).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it("agrees with Intl's Asia/Ho_Chi_Minh rules at any instant since 1976", () => {
    const intl = new Intl.DateTimeFormat("en-GB", {
      timeZone: VN_TIME_ZONE,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const instants = fc.date({
      min: new Date("1976-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instants, (instant) => {
        // en-GB gives "27/11/2026, 08:00".
        const [date, time] = intl.format(instant).split(", ");
        expect(formatVnDate(instant)).toBe(date);
        expect(formatVnTime(instant)).toBe(time);
      }),
    );
  });
});

describe("parseVnDateTimeLocal", () => {
  it("reads a datetime-local value as Vietnam time", () => {
    expect(parseVnDateTimeLocal("2026-11-27T08:00")?.toISOString()).toBe("2026-11-27T01:00:00.000Z");
    expect(parseVnDateTimeLocal("2026-11-27T06:59:30")?.toISOString()).toBe("2026-11-26T23:59:30.000Z");
  });

  it("refuses malformed values and impossible dates or times", () => {
    for (const value of [
      "",
      "27/11/2026 08:00",
      "2026-11-27",
      "2026-11-27T8:00",
      "2026-02-30T08:00",
      "2026-11-27T24:00",
      "2026-11-27T08:60",
    ]) {
      expect(parseVnDateTimeLocal(value)).toBeNull();
    }
  });

  it("round-trips with toVnDateTimeLocal for any minute", () => {
    const minutes = fc
      .integer({ min: 0, max: 60_000_000 })
      .map((m) => new Date(Date.UTC(1990, 0, 1) + m * 60_000));
    fc.assert(
      fc.property(minutes, (instant) => {
        expect(parseVnDateTimeLocal(toVnDateTimeLocal(instant))?.getTime()).toBe(instant.getTime());
      }),
    );
  });
});

describe("calendar dates", () => {
  it("knows real dates", () => {
    expect(isRealDate(2024, 2, 29)).toBe(true);
    expect(isRealDate(2023, 2, 29)).toBe(false);
    expect(isRealDate(1900, 2, 29)).toBe(false);
    expect(isRealDate(2000, 2, 29)).toBe(true);
    expect(isRealDate(2026, 4, 31)).toBe(false);
    expect(isRealDate(2026, 13, 1)).toBe(false);
    expect(isRealDate(2026, 1, 0)).toBe(false);
  });

  it("parses ISO dates and refuses the rest", () => {
    expect(parseIsoDate("2001-02-28")).toEqual({ year: 2001, month: 2, day: 28 });
    expect(parseIsoDate("2001-02-29")).toBeNull();
    expect(parseIsoDate("2001-2-28")).toBeNull();
    expect(parseIsoDate("28/02/2001")).toBeNull();
  });

  it("counts whole years, the birthday included", () => {
    const birth = { year: 2008, month: 11, day: 27 };
    expect(ageOn(birth, { year: 2026, month: 11, day: 26 })).toBe(17);
    expect(ageOn(birth, { year: 2026, month: 11, day: 27 })).toBe(18);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 2, day: 28 })).toBe(17);
    expect(ageOn({ year: 2008, month: 2, day: 29 }, { year: 2026, month: 3, day: 1 })).toBe(18);
  });
});
