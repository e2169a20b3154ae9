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
  "organizer.setup.title": "Cài đặt hội thi thật",
  "organizer.setup.intro":
    "Máy chủ này chưa có hội thi nào và không có dữ liệu demo. Hãy nhập thông tin hội thi và mật khẩu quản trị của chính anh/chị. Ngân hàng câu hỏi kèm theo được nạp sẵn; sau đó anh/chị nhập danh sách đơn vị.",
  "organizer.setup.needCode":
    "Hãy mở đường dẫn cài đặt có mã in trên màn hình máy chủ khi chạy lệnh npm run setup.",
  "organizer.setup.notPending":
    "Máy chủ này không chờ cài đặt. Chạy lệnh npm run setup với một cơ sở dữ liệu mới để cài hội thi thật.",
  "organizer.setup.contest": "Hội thi",
  "organizer.setup.admin": "Tài khoản quản trị",
  "organizer.setup.adminHint":
    "Tên đăng nhập là admin. Mật khẩu do anh/chị tự đặt; không có mật khẩu mặc định.",
  "organizer.setup.adminName": "Quản trị viên",
  "organizer.setup.password": "Mật khẩu quản trị",
  "organizer.setup.passwordHint": "Ít nhất {min} ký tự.",
  "organizer.setup.confirm": "Nhập lại mật khẩu",
  "organizer.setup.next": "Bước tiếp theo: nhập danh sách đơn vị (tệp Excel hoặc CSV) trong bảng điều khiển.",
  "organizer.setup.submit": "Tạo hội thi",
  "organizer.setup.welcome":
    "Đã tạo hội thi. Bước tiếp theo: nhập danh sách đơn vị bên dưới, rồi soạn các đợt thi.",
  "organizer.field.bodies": "Cơ quan tổ chức",
  "organizer.field.bodiesHint": "Các cơ quan, ngăn cách bằng dấu phẩy.",
  "organizer.field.startsOn": "Ngày bắt đầu",
  "organizer.field.endsOn": "Ngày kết thúc",
  "organizer.error.date": "Ngày không hợp lệ.",
  "organizer.error.dateOrder": "Ngày kết thúc phải sau ngày bắt đầu.",
  "organizer.error.passwordShort": "Mật khẩu cần ít nhất {min} ký tự.",
  "organizer.error.passwordMismatch": "Hai mật khẩu không giống nhau.",
  "organizer.nav.contests": "Các hội thi",
  "organizer.contests.title": "Các hội thi",
  "organizer.contests.intro":
    "Hội thi mới nhất là hội thi hiện hành: trang chủ, đăng ký và bảng điều khiển làm việc với nó. Các hội thi trước đã đóng, không nhận đăng ký, nhưng vẫn xem được kết quả, tệp Excel và trang giải thưởng.",
  "organizer.contests.current": "Hiện hành",
  "organizer.contests.closedAt": "Đã đóng lúc {time}",
  "organizer.contests.demo": "Demo",
  "organizer.contests.workbook": "Tải tệp kết quả của hội thi (Excel)",
  "organizer.contests.results": "kết quả",
  "organizer.contests.winners": "trang giải thưởng",
  "organizer.contests.new": "Tạo hội thi mới (năm sau)",
  "organizer.contests.newIntro":
    "Hội thi hiện hành sẽ đóng: vẫn xem được nhưng không nhận đăng ký. Thí sinh không được chuyển sang hội thi mới; họ đăng ký lại.",
  "organizer.contests.copyUnits": "Dùng lại danh sách đơn vị (tên và số người dự kiến; không chép thí sinh)",
  "organizer.contests.confirm": "Tôi hiểu: hội thi hiện hành sẽ đóng và không nhận đăng ký nữa.",
  "organizer.contests.confirmRequired": "Hãy đánh dấu ô xác nhận trước khi tạo hội thi mới.",
  "organizer.contests.create": "Tạo hội thi mới",
} as const;
