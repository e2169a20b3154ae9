import { describe, expect, it } from "vitest";
import { firstRunSchema, newContestSchema } from "./first-run";

const contest = {
  title: "Hội thi tìm hiểu về Chuyển đổi số huyện Lý Sơn năm 2027",
  organizerName: "Huyện đoàn Lý Sơn",
  startsOn: "2027-05-01",
  endsOn: "2027-06-30",
  cccdPolicy: "required",
  minAge: "16",
  maxAge: "60",
};

describe("the first-run form", () => {
  it("accepts a whole contest and the admin's own password", () => {
    const parsed = firstRunSchema.safeParse({
      contest,
      password: "mat-khau-rieng-1",
      confirm: "mat-khau-rieng-1",
    });
    expect(parsed.success).toBe(true);
  });

  it("names the field of each mistake with a catalogue key", () => {
    const bad = newContestSchema.safeParse({ ...contest, endsOn: "2027-04-01", minAge: "70" });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
    expect(paths).toContain("maxAge:console.contest.error.ageOrder");
    const mismatch = firstRunSchema.safeParse({ contest, password: "mat-khau-rieng-1", confirm: "khac" });
    expect(mismatch.success ? [] : mismatch.error.issues.map((i) => i.message)).toContain(
      "organizer.error.passwordMismatch",
    );
    const day = newContestSchema.safeParse({ ...contest, startsOn: "01/05/2027" });
    expect(day.success ? [] : day.error.issues.map((i) => i.message)).toContain("organizer.error.date");
  });
});
