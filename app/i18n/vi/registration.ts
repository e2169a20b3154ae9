export const registration = {
  "registration.field.fullName": "Họ và tên",
  "registration.field.birthDate": "Ngày sinh",
  "registration.field.gender": "Giới tính",
  "registration.field.phone": "Số điện thoại di động",
  "registration.field.cccd": "Số căn cước công dân (CCCD)",
  "registration.hint.fullName": "Ghi đầy đủ, có dấu, đúng như trên thẻ căn cước.",
  "registration.hint.phone": "Số di động 10 chữ số, ví dụ 0912 345 678.",
  "registration.hint.cccd": "12 chữ số in trên thẻ căn cước công dân.",
  "registration.gender.male": "Nam",
  "registration.gender.female": "Nữ",
  "registration.gender.other": "Khác",
  "registration.error.phoneRequired": "Vui lòng nhập số điện thoại di động.",
  "registration.error.phoneFormat": "Số điện thoại phải gồm 10 chữ số, bắt đầu bằng 0 (ví dụ 0912 345 678).",
  "registration.error.phonePrefix":
    "Số điện thoại di động phải bắt đầu bằng 03, 05, 07, 08 hoặc 09. Số máy bàn (02…) không dùng được, vui lòng nhập số di động.",
  "registration.error.cccdRequired": "Vui lòng nhập số căn cước công dân (12 chữ số).",
  "registration.error.cccdFormat":
    "Số căn cước công dân phải gồm đúng 12 chữ số, không có chữ cái. Vui lòng nhập lại theo số in trên thẻ.",
  "registration.error.cccdProvince":
    "Ba chữ số đầu ({code}) không phải mã tỉnh, thành phố trên thẻ căn cước. Vui lòng đối chiếu lại với thẻ của bạn.",
  "registration.error.cccdBirthYear":
    "Số căn cước không khớp với năm sinh đã nhập. Vui lòng kiểm tra lại ngày sinh hoặc số căn cước.",
  "registration.error.cccdGender": "Số căn cước không khớp với giới tính đã chọn. Vui lòng kiểm tra lại.",
  "registration.error.nameRequired": "Vui lòng nhập họ và tên.",
  "registration.error.nameTooShort": "Họ và tên phải có ít nhất {min} ký tự.",
  "registration.error.nameTooLong": "Họ và tên không được dài quá {max} ký tự.",
  "registration.error.nameCharacters":
    "Họ và tên chỉ gồm chữ cái (có dấu), dấu cách, dấu gạch nối (-) hoặc dấu nháy ('). Vui lòng bỏ chữ số và các ký hiệu khác.",
  "registration.error.birthDateRequired": "Vui lòng nhập ngày sinh.",
  "registration.error.birthDateFormat":
    "Ngày sinh chưa đúng dạng. Vui lòng chọn ngày trên lịch hoặc nhập theo dạng năm-tháng-ngày (ví dụ 1995-08-25).",
  "registration.error.birthDateInvalid":
    "Ngày sinh không có thật trên lịch (ví dụ ngày 30/02). Vui lòng kiểm tra lại ngày và tháng.",
  "registration.error.birthDateFuture":
    "Ngày sinh không thể sau ngày hôm nay. Vui lòng kiểm tra lại năm sinh.",
  "registration.error.birthDateTooYoung":
    "Người dự thi phải đủ {minAge} tuổi trở lên. Vui lòng kiểm tra lại ngày sinh.",
  "registration.error.birthDateTooOld":
    "Người dự thi không được quá {maxAge} tuổi. Vui lòng kiểm tra lại năm sinh.",
  "registration.error.genderRequired": "Vui lòng chọn giới tính.",
} as const;
