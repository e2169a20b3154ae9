/**
 * Realistic Vietnamese contestants for demos, checks and load: common family names, middle names and
 * given names; a birth date; a mobile number; for some, a citizen ID consistent with them (Quảng Ngãi's
 * province code 051, the century-and-sex digit, the birth year).
 */
import { mulberry32 } from "~/rules/draw";

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Hoàng",
  "Võ",
  "Phan",
  "Trương",
  "Bùi",
  "Đặng",
  "Đỗ",
  "Ngô",
  "Dương",
  "Lý",
];
const MIDDLE_MALE = ["Văn", "Minh", "Quốc", "Đức", "Hữu", "Thành", "Công", "Tấn"];
const MIDDLE_FEMALE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Bích", "Hồng"];
const GIVEN_MALE = [
  "An",
  "Bảo",
  "Cường",
  "Dũng",
  "Hải",
  "Hiếu",
  "Hùng",
  "Khoa",
  "Long",
  "Nam",
  "Phúc",
  "Quang",
  "Sơn",
  "Tâm",
  "Thắng",
  "Trung",
  "Tuấn",
  "Vinh",
];
const GIVEN_FEMALE = [
  "Anh",
  "Châu",
  "Diệp",
  "Giang",
  "Hà",
  "Hạnh",
  "Hoa",
  "Hương",
  "Lan",
  "Linh",
  "Mai",
  "Ngân",
  "Nhung",
  "Oanh",
  "Phương",
  "Thảo",
  "Trang",
  "Vy",
  "Yến",
];

export interface FakePerson {
  fullName: string;
  birthDate: string;
  gender: "male" | "female";
  phone: string;
  cccd: string | null;
  password: string;
}

export function fakePerson(seed: number): FakePerson {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const gender = random() < 0.5 ? "male" : "female";
  const fullName = [
    pick(FAMILY),
    pick(gender === "male" ? MIDDLE_MALE : MIDDLE_FEMALE),
    pick(gender === "male" ? GIVEN_MALE : GIVEN_FEMALE),
  ].join(" ");
  const year = 1965 + Math.floor(random() * 43);
  const month = 1 + Math.floor(random() * 12);
  const day = 1 + Math.floor(random() * 28);
  const birthDate = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const phone = `0${pick(["3", "7", "8", "9"])}${String(seed % 100_000_000).padStart(8, "0")}`;
  const centuryDigit = (year >= 2000 ? 2 : 0) + (gender === "female" ? 1 : 0);
  const cccd =
    random() < 0.6
      ? `051${centuryDigit}${String(year % 100).padStart(2, "0")}${String(Math.floor(random() * 1_000_000)).padStart(6, "0")}`
      : null;
  return { fullName, birthDate, gender, phone, cccd, password: `thi-sinh-${seed}` };
}
