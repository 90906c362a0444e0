import { z } from "zod";

export const FEEDBACK_COMMENT_MAX_CHARS = 1000;

/**
 * A thumb on an answer, with an optional note for the GPT's creator. Leaving `comment` out keeps
 * the saved one (switching thumbs does not lose it); null or "" clears it.
 */
export const setMessageFeedbackSchema = z.object({
  rating: z.enum(["UP", "DOWN"], { message: "Choose thumbs up or thumbs down." }),
  comment: z
    .string({ message: "The comment must be text." })
    .trim()
    .max(
      FEEDBACK_COMMENT_MAX_CHARS,
      `Comments are limited to ${FEEDBACK_COMMENT_MAX_CHARS.toLocaleString("en-US")} characters.`,
    )
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null)),
});
export type SetMessageFeedbackInput = z.infer<typeof setMessageFeedbackSchema>;
/** What the browser sends (before parsing). */
export type SetMessageFeedbackBody = z.input<typeof setMessageFeedbackSchema>;

export type FeedbackRating = "UP" | "DOWN";

/** One entry of a creator's feedback list: never who gave it. */
export type GptFeedbackItem = {
  id: string;
  rating: FeedbackRating;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  /** The start of the rated answer, so the creator knows what it was about. */
  excerpt: string;
};

export type GptFeedbackList = {
  totals: { up: number; down: number };
  items: GptFeedbackItem[];
};
