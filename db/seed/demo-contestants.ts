/**
 * Demo contestants for the Lý Sơn contest, spread over its units and categories, so that organizers
 * see a populated list, participation per unit, and — on purpose — a few possible duplicates to review:
 *   - the same person under two phone numbers (same name and date of birth);
 *   - the same name typed once without a diacritic ("Lê Thi Hoa"), same date of birth;
 *   - the same CCCD, once written with spaces: a row carried over from the Youth Union's spreadsheet
 *     before the form normalised numbers (the unique constraint only sees exact repeats);
 *   - the same name with day and month of birth swapped.
 * Every demo account shares one password (DEMO_CONTESTANT_PASSWORD), hashed once (scrypt is deliberately
 * slow) with the hashing function the caller gives: a seed is data and never imports the server (issue 16).
 */
import { foldForSearch } from "~/rules/text";
import type { Db } from "../connection";
import type { Gender } from "../schema";

export const DEMO_CONTESTANT_PASSWORD = "thisinh2023";

interface DemoContestant {
  name: string;
  birth: string;
  gender: Gender;
  unit: string;
  category: string;
  phone: string;
  /** A serial for a generated CCCD (consistent with birth and gender), a literal number, or null. */
  cccd: number | string | null;
  staff?: true;
  disqualified?: string;
}

/** 051 (Quảng Ngãi) + century-and-sex digit + two digits of the year + six serial digits. */
function demoCccd(birth: string, gender: Gender, serial: number): string {
  const year = Number(birth.slice(0, 4));
  const century = Math.floor((year - 1900) / 100);
  const sex = gender === "female" ? 1 : 0;
  return `051${century * 2 + sex}${birth.slice(2, 4)}${String(serial).padStart(6, "0")}`;
}

const AN_VINH = "An Vĩnh";
const AN_HAI = "An Hải";
const AN_BINH = "An Bình (đảo Bé)";

export const DEMO_CONTESTANTS: readonly DemoContestant[] = [
  {
    name: "Nguyễn Văn Hùng",
    birth: "1990-05-14",
    gender: "male",
    unit: AN_VINH,
    category: "Người dân",
    phone: "0905123401",
    cccd: 10234,
  },
  {
    name: "Nguyễn Văn Hùng",
    birth: "1990-05-14",
    gender: "male",
    unit: AN_VINH,
    category: "Người dân",
    phone: "0336218774",
    cccd: null,
  },
  {
    name: "Lê Thị Hoa",
    birth: "1996-11-03",
    gender: "female",
    unit: AN_HAI,
    category: "Đoàn viên, thanh niên",
    phone: "0935447120",
    cccd: 20411,
  },
  {
    name: "Lê Thi Hoa",
    birth: "1996-11-03",
    gender: "female",
    unit: AN_HAI,
    category: "Đoàn viên, thanh niên",
    phone: "0987001245",
    cccd: null,
  },
  {
    name: "Trần Thị Kim Oanh",
    birth: "1988-02-20",
    gender: "female",
    unit: "Huyện đoàn Lý Sơn",
    category: "Viên chức",
    phone: "0914552368",
    cccd: "051188004512",
  },
  {
    name: "Trần Kim Oanh",
    birth: "1988-02-20",
    gender: "female",
    unit: "Huyện đoàn Lý Sơn",
    category: "Viên chức",
    phone: "0779552368",
    cccd: "051 188 004 512",
  },
  {
    name: "Phạm Văn Tài",
    birth: "1985-07-12",
    gender: "male",
    unit: AN_VINH,
    category: "Người lao động",
    phone: "0352781904",
    cccd: null,
  },
  {
    name: "Phạm Văn Tài",
    birth: "1985-12-07",
    gender: "male",
    unit: AN_VINH,
    category: "Người lao động",
    phone: "0868120377",
    cccd: null,
  },
  {
    name: "Võ Thị Thu Hằng",
    birth: "1992-09-08",
    gender: "female",
    unit: "Văn phòng HĐND và UBND huyện",
    category: "Công chức",
    phone: "0905667812",
    cccd: 31507,
  },
  {
    name: "Huỳnh Văn Lộc",
    birth: "1979-01-25",
    gender: "male",
    unit: "Văn phòng HĐND và UBND huyện",
    category: "Cán bộ",
    phone: "0913208455",
    cccd: 4561,
  },
  {
    name: "Đặng Thị Ngọc Ánh",
    birth: "1994-04-30",
    gender: "female",
    unit: "Phòng Văn hóa và Thông tin",
    category: "Công chức",
    phone: "0389455102",
    cccd: 7782,
    staff: true,
  },
  {
    name: "Dương Minh Trí",
    birth: "1987-06-19",
    gender: "male",
    unit: "Trung tâm Truyền thông – Văn hóa – Thể thao",
    category: "Viên chức",
    phone: "0976332018",
    cccd: 12909,
  },
  {
    name: "Bùi Thị Diễm My",
    birth: "2001-12-02",
    gender: "female",
    unit: "Trung tâm Truyền thông – Văn hóa – Thể thao",
    category: "Viên chức",
    phone: "0398112764",
    cccd: 1188,
  },
  {
    name: "Tạ Quang Vinh",
    birth: "1983-03-17",
    gender: "male",
    unit: "Cơ quan Tổ chức – Nội vụ",
    category: "Công chức",
    phone: "0911874520",
    cccd: 22871,
  },
  {
    name: "Ngô Thị Thanh Thảo",
    birth: "1998-08-21",
    gender: "female",
    unit: "Bộ phận Một cửa huyện",
    category: "Công chức",
    phone: "0706125549",
    cccd: 9034,
  },
  {
    name: "Lê Văn Phước",
    birth: "2003-05-05",
    gender: "male",
    unit: "Huyện đoàn Lý Sơn",
    category: "Đoàn viên, thanh niên",
    phone: "0367020415",
    cccd: 3320,
  },
  {
    name: "Nguyễn Thị Mỹ Duyên",
    birth: "2004-10-11",
    gender: "female",
    unit: "Huyện đoàn Lý Sơn",
    category: "Đoàn viên, thanh niên",
    phone: "0329667013",
    cccd: null,
  },
  {
    name: "Trương Công Danh",
    birth: "1975-11-29",
    gender: "male",
    unit: "Ủy ban MTTQVN và các đoàn thể chính trị – xã hội huyện",
    category: "Cán bộ",
    phone: "0914330762",
    cccd: 15566,
  },
  {
    name: "Phạm Thị Lệ",
    birth: "1969-02-14",
    gender: "female",
    unit: "Ủy ban MTTQVN và các đoàn thể chính trị – xã hội huyện",
    category: "Cán bộ",
    phone: "0935210998",
    cccd: 401,
  },
  {
    name: "Võ Văn Thắng",
    birth: "1991-07-07",
    gender: "male",
    unit: "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Lý Sơn",
    category: "Người lao động",
    phone: "0888145320",
    cccd: 27744,
  },
  {
    name: "Huỳnh Thị Bích Ngọc",
    birth: "1995-03-09",
    gender: "female",
    unit: "Ngân hàng Bưu điện Liên Việt chi nhánh Lý Sơn",
    category: "Người lao động",
    phone: "0834772109",
    cccd: 6620,
  },
  {
    name: "Đinh Văn Quý",
    birth: "1989-10-15",
    gender: "male",
    unit: "VNPT Lý Sơn",
    category: "Người lao động",
    phone: "0945118230",
    cccd: 18032,
  },
  {
    name: "Nguyễn Hữu Nghĩa",
    birth: "1993-12-24",
    gender: "male",
    unit: "Viettel Lý Sơn",
    category: "Người lao động",
    phone: "0862407751",
    cccd: 24417,
  },
  {
    name: "Trần Thị Hồng Nhung",
    birth: "1997-01-18",
    gender: "female",
    unit: "Bưu điện huyện Lý Sơn",
    category: "Người lao động",
    phone: "0912663405",
    cccd: 5513,
  },
  {
    name: "Lê Thị Mai",
    birth: "1972-05-30",
    gender: "female",
    unit: AN_VINH,
    category: "Người dân",
    phone: "0356902114",
    cccd: 31120,
  },
  {
    name: "Phạm Quốc Khánh",
    birth: "2007-09-02",
    gender: "male",
    unit: AN_VINH,
    category: "Học sinh",
    phone: "0395007215",
    cccd: 902,
  },
  {
    name: "Dương Thị Yến",
    birth: "2008-04-27",
    gender: "female",
    unit: AN_VINH,
    category: "Học sinh",
    phone: "0376118420",
    cccd: null,
  },
  {
    name: "Nguyễn Văn Sơn",
    birth: "1980-08-08",
    gender: "male",
    unit: AN_VINH,
    category: "Người dân",
    phone: "0963551780",
    cccd: 14509,
  },
  {
    name: "Võ Thị Kim Liên",
    birth: "1986-06-01",
    gender: "female",
    unit: AN_HAI,
    category: "Người dân",
    phone: "0917204688",
    cccd: 26230,
  },
  {
    name: "Trần Văn Hải",
    birth: "1977-12-12",
    gender: "male",
    unit: AN_HAI,
    category: "Người lao động",
    phone: "0348921076",
    cccd: null,
  },
  {
    name: "Bùi Văn Đức",
    birth: "2006-02-16",
    gender: "male",
    unit: AN_HAI,
    category: "Học sinh",
    phone: "0385214430",
    cccd: 7718,
  },
  {
    name: "Huỳnh Thị Thu Trang",
    birth: "2000-07-23",
    gender: "female",
    unit: AN_HAI,
    category: "Đoàn viên, thanh niên",
    phone: "0703998216",
    cccd: 3345,
  },
  {
    name: "Ngô Văn Tuấn",
    birth: "1984-11-06",
    gender: "male",
    unit: AN_HAI,
    category: "Người dân",
    phone: "0904512387",
    cccd: null,
  },
  {
    name: "Đặng Văn Lợi",
    birth: "1970-03-03",
    gender: "male",
    unit: AN_BINH,
    category: "Người dân",
    phone: "0398650012",
    cccd: 11890,
  },
  {
    name: "Phạm Thị Thanh Tâm",
    birth: "1999-09-19",
    gender: "female",
    unit: AN_BINH,
    category: "Đoàn viên, thanh niên",
    phone: "0332187746",
    cccd: 4407,
  },
  {
    name: "Lê Minh Quân",
    birth: "2002-01-31",
    gender: "male",
    unit: AN_VINH,
    category: "Đoàn viên, thanh niên",
    phone: "0799412056",
    cccd: 2210,
    disqualified: "Đăng ký hộ người khác; đã xác minh với Huyện đoàn ngày 02/3.",
  },
];

/** Inserts the demo contestants with their accounts, all with DEMO_CONTESTANT_PASSWORD (hashed once). */
export async function seedDemoContestants(
  db: Db,
  input: { contestId: number; now: Date; hashPassword: (password: string) => Promise<string> },
): Promise<number> {
  const passwordHash = await input.hashPassword(DEMO_CONTESTANT_PASSWORD);
  const units = await db
    .selectFrom("units")
    .select(["id", "name"])
    .where("contest_id", "=", input.contestId)
    .execute();
  const categories = await db
    .selectFrom("categories")
    .select(["id", "name"])
    .where("contest_id", "=", input.contestId)
    .execute();
  const unitId = new Map(units.map((u) => [u.name, u.id]));
  const categoryId = new Map(categories.map((c) => [c.name, c.id]));

  let n = 0;
  for (const c of DEMO_CONTESTANTS) {
    const unit = unitId.get(c.unit);
    const category = categoryId.get(c.category);
    // The demo units may be edited later; a contestant whose unit is gone is simply skipped.
    if (unit === undefined || category === undefined) continue;
    // Registrations spread over the last days, oldest first.
    const at = new Date(input.now.getTime() - (DEMO_CONTESTANTS.length - n) * 97 * 60 * 1000).toISOString();
    const user = await db
      .insertInto("users")
      .values({
        role: "contestant",
        username: null,
        display_name: c.name,
        password_hash: passwordHash,
        must_change_password: 0,
        disabled_at: null,
        created_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db
      .insertInto("contestants")
      .values({
        user_id: user.id,
        contest_id: input.contestId,
        full_name: c.name,
        name_folded: foldForSearch(c.name),
        birth_date: c.birth,
        gender: c.gender,
        phone: c.phone,
        cccd: typeof c.cccd === "number" ? demoCccd(c.birth, c.gender, c.cccd) : c.cccd,
        unit_id: unit,
        category_id: category,
        is_staff_member: c.staff ? 1 : 0,
        status: c.disqualified ? "disqualified" : "active",
        status_reason: c.disqualified ?? null,
        consent_at: at,
        created_at: at,
        updated_at: at,
      })
      .execute();
    n++;
  }
  return n;
}
