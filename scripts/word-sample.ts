/**
 * Writes the sample Word document offered beside the Excel template (public/mau-cau-hoi-word.docx):
 * the habits the Word reader understands, each shown once. Run: npm run questions:word-sample
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { wordDocument } from "./lib/word-documents";

const qr = await sharp({
  create: { width: 240, height: 240, channels: 3, background: "#ffffff" },
})
  .composite(
    [0, 1, 2, 3, 4, 5].flatMap((y) =>
      [0, 1, 2, 3, 4, 5]
        .filter((x) => (x * 7 + y * 3) % 4 !== 0)
        .map((x) => ({
          input: { create: { width: 40, height: 40, channels: 3 as const, background: "#000000" } },
          left: x * 40,
          top: y * 40,
        })),
    ),
  )
  .png()
  .toBuffer();

const bytes = await wordDocument([
  "NGÂN HÀNG CÂU HỎI MẪU — Hội thi tìm hiểu về Chuyển đổi số",
  "Mỗi câu bắt đầu bằng “Câu 1.”; đáp án đúng được gạch chân, in đậm, tô đỏ hoặc ghi ở dòng “Đáp án: …”.",
  { heading: "Phần I. An toàn thông tin" },
  "Câu 1. Khi có người gọi điện tự xưng là nhân viên ngân hàng và xin mã OTP, bạn nên làm gì?",
  "A. Đọc mã OTP cho họ để được hỗ trợ nhanh",
  "B. _Không cung cấp mã OTP cho bất kỳ ai và báo cho ngân hàng_",
  "C. Gửi mã OTP qua tin nhắn Zalo",
  "D. Đăng mã OTP lên mạng xã hội để hỏi ý kiến",
  "Giải thích: Mã OTP là mật khẩu dùng một lần; ngân hàng không bao giờ hỏi mã OTP của khách hàng.",
  "Nguồn: Cẩm nang phòng chống lừa đảo trực tuyến — Phần 2",
  "Mức độ: Dễ",
  "Câu 2: Những cách nào giúp tài khoản trực tuyến an toàn hơn?",
  { runs: ["A. Dùng chung một mật khẩu cho mọi tài khoản\t", "B. Bật xác thực hai yếu tố\t"] },
  { runs: ["C. Đặt mật khẩu dài, khó đoán\t", "D. Cho người quen mượn tài khoản"] },
  "Đáp án: B, C",
  "Giải thích: Mật khẩu mạnh và xác thực hai yếu tố là hai lớp bảo vệ cơ bản.",
  "Nguồn: Cẩm nang kỹ năng số",
  "Mức độ: Trung bình",
  { heading: "Phần II. Dịch vụ công trực tuyến" },
  "Câu 3. Quét mã QR trong hình bằng ứng dụng nào để mở trang của cơ quan nhà nước?",
  { picture: qr, alt: "Một mã QR in trên tờ thông báo của UBND xã" },
  "A. *Ứng dụng camera hoặc Zalo của điện thoại*",
  "B. Máy tính bỏ túi",
  "Giải thích: Điện thoại đọc mã QR bằng camera; hãy kiểm tra địa chỉ trang có đuôi .gov.vn trước khi nhập thông tin.",
  "Nguồn: Cẩm nang kỹ năng số",
  "Mức độ: Dễ",
  "Câu 4. Ngày 10 tháng 10 hằng năm là Ngày Chuyển đổi số quốc gia.",
  "Đáp án: Đúng",
  "Giải thích: Quyết định 505/QĐ-TTg ngày 22/4/2022 lấy ngày 10/10 hằng năm là Ngày Chuyển đổi số quốc gia.",
  "Nguồn: Quyết định 505/QĐ-TTg",
  "Mức độ: Dễ",
]);
const out = path.resolve(import.meta.dirname, "../public/mau-cau-hoi-word.docx");
await writeFile(out, bytes);
console.log(`${out}: ${bytes.length} bytes`);
