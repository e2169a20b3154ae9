import type { registration as vi } from "../vi/registration";

export const registration: Record<keyof typeof vi, string> = {
  "registration.field.fullName": "Full name",
  "registration.field.birthDate": "Date of birth",
  "registration.field.gender": "Gender",
  "registration.field.phone": "Mobile phone number",
  "registration.field.cccd": "Citizen ID number (CCCD)",
  "registration.hint.fullName": "In full, with diacritics, exactly as on your ID card.",
  "registration.hint.phone": "A 10-digit mobile number, for example 0912 345 678.",
  "registration.hint.cccd": "The 12 digits printed on your citizen ID card.",
  "registration.gender.male": "Male",
  "registration.gender.female": "Female",
  "registration.gender.other": "Other",
  "registration.error.phoneRequired": "Please enter your mobile phone number.",
  "registration.error.phoneFormat":
    "The phone number must have 10 digits and start with 0 (for example 0912 345 678).",
  "registration.error.phonePrefix":
    "A mobile number starts with 03, 05, 07, 08 or 09. Landline numbers (02…) cannot be used; please enter a mobile number.",
  "registration.error.cccdRequired": "Please enter your citizen ID number (12 digits).",
  "registration.error.cccdFormat":
    "The citizen ID number must be exactly 12 digits, with no letters. Please type it as printed on the card.",
  "registration.error.cccdProvince":
    "The first three digits ({code}) are not a province code used on ID cards. Please check them against your card.",
  "registration.error.cccdBirthYear":
    "The citizen ID number does not match the year of birth you entered. Please check the date of birth or the ID number.",
  "registration.error.cccdGender": "The citizen ID number does not match the gender you chose. Please check.",
  "registration.error.nameRequired": "Please enter your full name.",
  "registration.error.nameTooShort": "The full name must have at least {min} characters.",
  "registration.error.nameTooLong": "The full name may not be longer than {max} characters.",
  "registration.error.nameCharacters":
    "The full name may contain only letters (with diacritics), spaces, hyphens (-) and apostrophes ('). Please remove digits and other symbols.",
  "registration.error.birthDateRequired": "Please enter your date of birth.",
  "registration.error.birthDateFormat":
    "The date of birth is not in the right form. Pick it on the calendar or type year-month-day (for example 1995-08-25).",
  "registration.error.birthDateInvalid":
    "That date does not exist (for example 30 February). Please check the day and month.",
  "registration.error.birthDateFuture": "The date of birth cannot be after today. Please check the year.",
  "registration.error.birthDateTooYoung":
    "Contestants must be at least {minAge} years old. Please check your date of birth.",
  "registration.error.birthDateTooOld":
    "Contestants may not be older than {maxAge}. Please check the year of birth.",
  "registration.error.genderRequired": "Please choose a gender.",
};
