import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CheckboxField, RadioGroupField, SelectField, TextField } from "./fields";

describe("the shared form fields", () => {
  it("tie the label, hint and error to the control, and mark it invalid", () => {
    const html = renderToStaticMarkup(
      h(TextField, {
        name: "phone",
        label: "Số điện thoại",
        hint: "10 chữ số",
        error: "Sai số",
        type: "tel",
      }),
    );
    expect(html).toContain('<label for="phone">Số điện thoại</label>');
    expect(html).toContain('id="phone"');
    expect(html).toContain('name="phone"');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="phone-hint phone-error"');
    expect(html).toContain('<span class="hint" id="phone-hint">10 chữ số</span>');
    expect(html).toContain('<span class="field-error" id="phone-error">Sai số</span>');
  });

  it("keep the message's room when there is no message, so nothing below moves when one appears", () => {
    const html = renderToStaticMarkup(h(TextField, { name: "fullName", label: "Họ và tên" }));
    expect(html).toContain('<span class="field-message" aria-live="polite"></span>');
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
  });

  it("show a warning in the same room without marking the field invalid", () => {
    const html = renderToStaticMarkup(
      h(SelectField, { name: "unitId", label: "Đơn vị", warning: "Lưu ý" }, h("option", { value: "" }, "—")),
    );
    expect(html).toContain('aria-describedby="unitId-warning"');
    expect(html).not.toContain("aria-invalid");
    expect(html).toContain('<span class="field-warning" id="unitId-warning">Lưu ý</span>');
  });

  it("point a field to a message said for the whole form, without a room of its own", () => {
    const html = renderToStaticMarkup(
      h(TextField, {
        name: "login",
        label: "Tài khoản",
        invalid: true,
        describedBy: "login-error",
        messageRoom: false,
      }),
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="login-error"');
    expect(html).not.toContain("field-message");
  });

  it("group radios under a legend, each choice labelled and the group described by its error", () => {
    const html = renderToStaticMarkup(
      h(RadioGroupField, {
        name: "gender",
        legend: "Giới tính",
        options: [
          { value: "male", label: "Nam" },
          { value: "female", label: "Nữ" },
        ],
        value: "female",
        onChange: () => {},
        error: "Vui lòng chọn",
      }),
    );
    expect(html).toContain('<fieldset class="field radio-group" id="gender" aria-describedby="gender-error"');
    expect(html).toContain("<legend>Giới tính</legend>");
    expect(html).toMatch(
      /<label class="choice"><input type="radio" name="gender" aria-invalid="true" checked="" value="female"\/>Nữ<\/label>/,
    );
    expect(html).toContain('<span class="field-error" id="gender-error">Vui lòng chọn</span>');
  });

  it("put a checkbox inside its label, alone when bare", () => {
    const html = renderToStaticMarkup(
      h(CheckboxField, { bare: true, name: "confirm", value: "yes", label: "Tôi chắc chắn" }),
    );
    expect(html).toBe(
      '<label class="choice"><input type="checkbox" name="confirm" id="confirm" value="yes"/><span>Tôi chắc chắn</span></label>',
    );
  });
});
