/** The organizer's own contest (issue 11): rehearsals, removing rounds, the first run, contests, screens. */
export const organizer = {
  "organizer.rehearsal.badge": "Thi thử của ban tổ chức",
  "organizer.rehearsal.link": "Thi thử, xóa bài thi, xóa đợt",
  "organizer.rehearsal.title": "Thi thử và xóa: {round}",
  "organizer.rehearsal.intro":
    "Đợt thi thử của ban tổ chức chạy y như đợt thi thật nhưng không bao giờ được tính vào xếp hạng chung và không có trong tệp kết quả của hội thi.",
  "organizer.rehearsal.attempts": "Số bài thi đã bắt đầu: {n}",
  "organizer.rehearsal.flag": "Đây là đợt thi thử của ban tổ chức (không tính vào kết quả hội thi)",
  "organizer.rehearsal.saveFlag": "Lưu",
  "organizer.rehearsal.flagOn": "Đã đánh dấu là đợt thi thử của ban tổ chức.",
  "organizer.rehearsal.flagOff": "Đã bỏ đánh dấu thi thử: đợt này được tính như đợt thi thật.",
  "organizer.rehearsal.wipeTitle": "Xóa các bài thi của đợt thi thử",
  "organizer.rehearsal.wipeConfirm": "Tôi hiểu: {n} bài thi và kết quả của đợt này sẽ bị xóa vĩnh viễn.",
  "organizer.rehearsal.wipe": "Xóa các bài thi",
  "organizer.rehearsal.wiped": "Đã xóa {n} bài thi của đợt thi thử. Đợt thi trở lại như chưa ai thi.",
  "organizer.rehearsal.wipeOnlyRehearsal":
    "Chỉ xóa được bài thi của đợt thi thử. Hãy đánh dấu đợt này là thi thử trước.",
  "organizer.rehearsal.deleteTitle": "Xóa đợt thi",
  "organizer.rehearsal.deleteBlocked":
    "Đợt thi đã có bài thi nên không xóa được. Với đợt thi thử, hãy xóa các bài thi trước.",
  "organizer.rehearsal.deleteConfirm": "Tôi hiểu: đợt thi “{round}” sẽ bị xóa vĩnh viễn.",
  "organizer.rehearsal.delete": "Xóa đợt thi",
  "organizer.rehearsal.confirmRequired": "Hãy đánh dấu ô xác nhận trước khi xóa.",
  "organizer.rehearsal.back": "Về trang đợt thi",
  "organizer.readOnly": "Hội thi này đã kết thúc: chỉ xem được, không thay đổi được.",
  "organizer.demo.banner":
    "BẢN DEMO: dữ liệu mẫu để dùng thử, không phải hội thi thật. Xem README để cài đặt hội thi thật.",
} as const;
