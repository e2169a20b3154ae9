/**
 * The demo contest from the Lý Sơn notice (see ../shared/seeds): what a new install shows so that
 * organizers can try everything at once. Units are the island's three residential areas — Lý Sơn
 * has had no commune-level government since 2020 (Resolution 867/NQ-UBTVQH14), but An Vĩnh, An Hải
 * and An Bình remain how people name where they live — and the agencies the notice names.
 */
export const DEMO_CONTEST = {
  slug: "ly-son-2023",
  /** Its rounds ran in June 2023: the draw takes the questions whose key was true then (issue 12). */
  referenceDate: "2023-06-01",
  title: "Hội thi tìm hiểu về Chuyển đổi số huyện Lý Sơn năm 2023",
  organizerName:
    "Trung tâm Truyền thông – Văn hóa – Thể thao huyện Lý Sơn, Phòng Văn hóa và Thông tin, Huyện đoàn Lý Sơn",
  description:
    "Dành cho cán bộ, công chức, viên chức, đoàn viên, thanh niên và người dân trên địa bàn huyện. Mỗi đợt thi gồm 20 câu hỏi trắc nghiệm trong 15 phút và một câu hỏi dự đoán.",
  dataNotice:
    "Ban tổ chức thu thập họ tên, ngày sinh, giới tính, số điện thoại, số CCCD, đơn vị và đối tượng của thí sinh chỉ để tổ chức hội thi, xác minh danh tính và trao giải, theo Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân. Trang công khai chỉ hiện tên viết tắt và đơn vị; số điện thoại, CCCD và ngày sinh chỉ ban tổ chức và giám khảo được xem. Dữ liệu được lưu trong thời gian tổ chức hội thi và xét giải, sau đó được xóa theo quy định. Thí sinh có quyền xem, đề nghị sửa hoặc xóa dữ liệu của mình bằng cách liên hệ ban tổ chức.",
} as const;

export interface DemoUnit {
  name: string;
  kind: "area" | "village" | "agency" | "school" | "enterprise";
  expected: number;
  children?: readonly DemoUnit[];
}

export const DEMO_UNITS: readonly DemoUnit[] = [
  { name: "An Vĩnh", kind: "area", expected: 900 },
  { name: "An Hải", kind: "area", expected: 800 },
  { name: "An Bình (đảo Bé)", kind: "area", expected: 120 },
  { name: "Văn phòng HĐND và UBND huyện", kind: "agency", expected: 30 },
  { name: "Phòng Văn hóa và Thông tin", kind: "agency", expected: 10 },
  { name: "Trung tâm Truyền thông – Văn hóa – Thể thao", kind: "agency", expected: 25 },
  { name: "Cơ quan Tổ chức – Nội vụ", kind: "agency", expected: 12 },
  { name: "Bộ phận Một cửa huyện", kind: "agency", expected: 10 },
  { name: "Huyện đoàn Lý Sơn", kind: "agency", expected: 60 },
  { name: "Ủy ban MTTQVN và các đoàn thể chính trị – xã hội huyện", kind: "agency", expected: 30 },
  {
    name: "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh Lý Sơn",
    kind: "enterprise",
    expected: 20,
  },
  { name: "Ngân hàng Bưu điện Liên Việt chi nhánh Lý Sơn", kind: "enterprise", expected: 10 },
  { name: "VNPT Lý Sơn", kind: "enterprise", expected: 15 },
  { name: "Viettel Lý Sơn", kind: "enterprise", expected: 15 },
  { name: "Bưu điện huyện Lý Sơn", kind: "enterprise", expected: 10 },
];

export const DEMO_CATEGORIES = [
  "Cán bộ",
  "Công chức",
  "Viên chức",
  "Đoàn viên, thanh niên",
  "Học sinh",
  "Người lao động",
  "Người dân",
] as const;

/** The topics of the bank, in the order organizers read them. */
export const BANK_TOPICS = [
  "Chính quyền số",
  "Kinh tế số",
  "Xã hội số",
  "Dịch vụ công trực tuyến",
  "An toàn thông tin",
  "Định danh điện tử",
  "Chuyển đổi số ở Quảng Ngãi và Lý Sơn",
  "Kỹ năng số",
  "Ứng xử trên không gian mạng",
  "Công nghệ số trong đời sống",
] as const;
