/**
 * The data notice a new contest starts with (the organizer edits it in the console). It cites the rule in
 * force on the contest's first day: Decree 13/2023/NĐ-CP until 31/12/2025, the Law on Personal Data
 * Protection 91/2025/QH15 from 01/01/2026 (PRODUCT.md, "Personal data").
 */
export function personalDataRule(startsOn: string | null, today: string): string {
  const day = startsOn ?? today;
  return day >= "2026-01-01"
    ? "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"
    : "Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân";
}

export function defaultDataNotice(organizerName: string, startsOn: string | null, today: string): string {
  return `${organizerName} thu thập họ tên, ngày sinh, giới tính, số điện thoại, số CCCD (khi hội thi yêu cầu), đơn vị và đối tượng của thí sinh chỉ để tổ chức hội thi, xác minh danh tính và trao giải, theo ${personalDataRule(startsOn, today)}. Trang công khai chỉ hiện tên viết tắt và đơn vị; số điện thoại, CCCD và ngày sinh chỉ ban tổ chức và giám khảo được xem. Dữ liệu được lưu trong thời gian tổ chức hội thi và xét giải, sau đó được xóa theo quy định. Thí sinh có quyền xem, đề nghị sửa hoặc xóa dữ liệu của mình bằng cách liên hệ ban tổ chức.`;
}
