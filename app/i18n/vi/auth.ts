export const auth = {
  "auth.login.title": "Đăng nhập",
  "auth.login.intro":
    "Thí sinh đăng nhập bằng số điện thoại đã đăng ký. Ban tổ chức đăng nhập bằng tên đăng nhập được cấp.",
  "auth.login.login": "Số điện thoại hoặc tên đăng nhập",
  "auth.login.password": "Mật khẩu",
  "auth.login.submit": "Đăng nhập",
  "auth.login.noAccount": "Chưa có tài khoản?",
  "auth.login.wrong":
    "Số điện thoại (hoặc tên đăng nhập) hoặc mật khẩu không đúng. Vui lòng kiểm tra và nhập lại.",
  "auth.login.missing": "Vui lòng nhập số điện thoại (hoặc tên đăng nhập) và mật khẩu.",
  "auth.login.throttled":
    "Bạn đã nhập sai quá nhiều lần. Vui lòng thử lại sau {time} (khoảng {minutes} phút nữa).",
  "auth.login.disabled": "Tài khoản này đã bị khóa. Vui lòng liên hệ ban tổ chức.",
  "auth.account.title": "Tài khoản của tôi",
  "auth.account.changePassword": "Đổi mật khẩu",
  "auth.account.mustChange":
    "Bạn đang dùng mật khẩu tạm thời do ban tổ chức cấp. Vui lòng đặt mật khẩu mới để tiếp tục.",
  "auth.account.currentPassword": "Mật khẩu hiện tại",
  "auth.account.newPassword": "Mật khẩu mới",
  "auth.account.newPasswordHint": "Ít nhất 8 ký tự.",
  "auth.account.confirmPassword": "Nhập lại mật khẩu mới",
  "auth.account.passwordTooShort": "Mật khẩu mới phải có ít nhất 8 ký tự.",
  "auth.account.passwordMismatch": "Hai lần nhập mật khẩu mới không giống nhau.",
  "auth.account.currentWrong": "Mật khẩu hiện tại không đúng.",
  "auth.account.passwordChanged": "Đã đổi mật khẩu.",
  "auth.account.sessions": "Phiên đăng nhập",
  "auth.account.logoutEverywhere": "Đăng xuất khỏi mọi thiết bị",
  "auth.account.logoutEverywhereHint": "Dùng khi bạn đã đăng nhập trên máy khác hoặc nghi ngờ lộ mật khẩu.",
  "auth.role.admin": "Quản trị viên",
  "auth.role.organizer": "Ban tổ chức",
  "auth.role.judge": "Giám khảo / thư ký",
  "auth.role.contestant": "Thí sinh",
} as const;
