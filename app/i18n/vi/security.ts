/** Texts of the platform's defences: refused uploads and bodies, throttled logins and registrations. */
export const security = {
  "security.bodyTooLarge.title": "Dữ liệu gửi lên quá lớn",
  "security.bodyTooLarge.message":
    "Dữ liệu gửi lên quá lớn (tối đa {limit}). Không có gì được lưu. Hãy quay lại và thử với tệp nhỏ hơn.",
  "security.badRequest": "Yêu cầu không hợp lệ. Hãy tải lại trang và thử lại.",
  "security.login.busy": "Hệ thống đang bận kiểm tra đăng nhập. Vui lòng thử lại sau ít giây.",
  "security.register.throttled":
    "Có quá nhiều lượt đăng ký từ cùng một địa chỉ mạng. Vui lòng thử lại sau {minutes} phút.",
} as const;
