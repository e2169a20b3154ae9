/**
 * The question's picture in the editor (issue 15): the picture as contestants will see it, its required
 * description, and a file input to add or replace it. Posts to `/console/questions/:id/picture`.
 */
import { useFetcher } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { FileField, TextField } from "~/components/forms/fields";
import { useT } from "~/i18n/use-t";
import type { PictureView } from "~/rules/question-formats/pictures";
import type { PictureActionResult } from "~/routes/console.questions.$id.picture";

export function QuestionPictureEditor({
  questionId,
  picture,
  maxMb,
  canEdit,
}: {
  questionId: number;
  picture: PictureView | null;
  maxMb: number;
  canEdit: boolean;
}) {
  const t = useT();
  const fetcher = useFetcher<PictureActionResult>();
  const result = fetcher.data;
  return (
    <section className="card" aria-labelledby="picture-title">
      <h2 id="picture-title">{t("media.picture")}</h2>
      {picture ? (
        <figure className="question-card-picture" style={{ maxWidth: 480 }}>
          <img src={picture.url} width={picture.width} height={picture.height} alt={picture.alt} />
        </figure>
      ) : null}
      {canEdit ? (
        <fetcher.Form
          method="post"
          action={`/console/questions/${questionId}/picture`}
          encType="multipart/form-data"
        >
          <CsrfInput />
          <FileField
            id="picture-file"
            name="picture"
            label={t("media.pictureFile", { maxMb })}
            accept=".png,.jpg,.jpeg,.webp"
            messageRoom={false}
          />
          <TextField
            id="picture-alt"
            name="alt"
            label={t("media.pictureAlt")}
            hint={t("media.pictureAltHint")}
            required
            maxLength={500}
            defaultValue={picture?.alt ?? ""}
            messageRoom={false}
          />
          {result && "error" in result ? (
            <p className="form-error" role="alert">
              {result.error}
            </p>
          ) : null}
          {result && "ok" in result ? <p role="status">{result.ok}</p> : null}
          <button
            type="submit"
            name="intent"
            value="save"
            className="primary"
            disabled={fetcher.state !== "idle"}
          >
            {t("media.pictureSave")}
          </button>{" "}
          {picture ? (
            <button type="submit" name="intent" value="remove" className="secondary" formNoValidate>
              {t("media.pictureRemove")}
            </button>
          ) : null}
        </fetcher.Form>
      ) : null}
    </section>
  );
}
