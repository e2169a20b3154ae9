/**
 * A question exactly as a contestant sees it on a phone: the text, then options A–F as large tappable
 * choices. It shows no answer key unless `reveal` is given. Plain props, so the round page, the practice
 * page and the console's preview all draw the same card.
 */
import { useId } from "react";
import { useT } from "~/i18n/use-t";
import { OPTION_LETTERS, type QuestionType } from "~/rules/question";
import type { PictureView } from "~/rules/question-formats/pictures";
import "./question-card.css";

export interface QuestionCardProps {
  text: string;
  options: readonly string[];
  type: QuestionType;
  /** Indexes of the options the contestant chose (in the order shown). */
  chosen?: readonly number[];
  /** Called with an option's index when it is tapped; without it the options cannot be chosen. */
  onChoose?: (index: number) => void;
  /** The answer key and explanation: only after the round, or in the organizer's preview when asked. */
  reveal?: { correct: readonly number[]; explanation: string };
  /** Shown above the text, e.g. "Câu 3/20". */
  heading?: string;
  /** The question's picture, drawn at its own proportions so the page does not jump while it loads. */
  picture?: PictureView | null;
  /** A small picture beside each option, in the order shown. */
  optionPictures?: readonly (PictureView | null)[];
}

export function QuestionCard({
  text,
  options,
  type,
  chosen = [],
  onChoose,
  reveal,
  heading,
  picture,
  optionPictures = [],
}: QuestionCardProps) {
  const t = useT();
  const id = useId();
  const instruction =
    type === "multiple"
      ? t("questions.card.chooseSeveral")
      : type === "true_false"
        ? t("questions.card.chooseTrueFalse")
        : t("questions.card.chooseOne");
  return (
    <section className="question-card" aria-labelledby={`${id}-text`}>
      {heading ? <p className="question-card-heading">{heading}</p> : null}
      <p className="question-card-text" id={`${id}-text`}>
        {text.trim() === "" ? <span className="muted">{t("questions.card.empty")}</span> : text}
      </p>
      {picture ? (
        <figure className="question-card-picture">
          <img src={picture.url} width={picture.width} height={picture.height} alt={picture.alt} />
        </figure>
      ) : null}
      <p className="question-card-instruction" id={`${id}-instruction`}>
        {instruction}
      </p>
      <ul className="question-card-options" aria-describedby={`${id}-instruction`}>
        {options.map((option, i) => {
          const letter = OPTION_LETTERS[i] ?? String(i + 1);
          const isChosen = chosen.includes(i);
          const isCorrect = reveal?.correct.includes(i) ?? false;
          const state = reveal ? (isCorrect ? "correct" : isChosen ? "wrong" : "") : "";
          return (
            <li key={i}>
              <button
                type="button"
                className={`question-card-option ${type === "multiple" ? "several" : "one"} ${state}`}
                aria-pressed={isChosen}
                aria-disabled={onChoose ? undefined : true}
                onClick={onChoose ? () => onChoose(i) : undefined}
              >
                <span className="question-card-letter" aria-hidden="true">
                  {letter}
                </span>
                {optionPictures[i] ? (
                  <img
                    className="question-card-option-picture"
                    src={optionPictures[i]!.url}
                    width={optionPictures[i]!.width}
                    height={optionPictures[i]!.height}
                    alt={optionPictures[i]!.alt}
                  />
                ) : null}
                <span className="question-card-option-text">
                  <span className="visually-hidden">{letter}. </span>
                  {option.trim() === "" ? <span className="muted">{t("questions.card.empty")}</span> : option}
                </span>
                {reveal && isCorrect ? (
                  <span className="question-card-mark">✓ {t("questions.card.correct")}</span>
                ) : null}
                {reveal && isChosen && !isCorrect ? (
                  <span className="question-card-mark">{t("questions.card.yourChoice")}</span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {reveal && reveal.explanation.trim() !== "" ? (
        <div className="question-card-explanation">
          <strong>{t("questions.card.explanation")}: </strong>
          {reveal.explanation}
        </div>
      ) : null}
    </section>
  );
}
