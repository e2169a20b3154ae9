/**
 * The database, one interface per table (Kysely). Times are ISO-8601 UTC text, booleans are 0/1
 * integers and lists are JSON text, so the same queries run on SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable, Updateable } from "kysely";

/** ISO-8601 UTC text, e.g. "2026-11-27T08:00:00.000Z". Sorts and compares as time. */
export type IsoTime = string;
/** 0 or 1. */
export type Flag = number;
/** JSON text. */
export type Json = string;

export const ROLES = ["admin", "organizer", "judge", "contestant"] as const;
export type Role = (typeof ROLES)[number];

export interface UsersTable {
  id: Generated<number>;
  role: Role;
  /** Staff log in by username; contestants by phone number (in `contestants`), so theirs is null. */
  username: string | null;
  display_name: string;
  password_hash: string;
  must_change_password: Flag;
  disabled_at: IsoTime | null;
  created_at: IsoTime;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token, so a leaked database does not hand out sessions. */
  id: string;
  user_id: number;
  created_at: IsoTime;
  expires_at: IsoTime;
  last_seen_at: IsoTime;
  ip: string | null;
  user_agent: string | null;
}

export interface LoginThrottleTable {
  /** "login:<login>@<address>", "ip:<address>" or "register:<address>". */
  key: string;
  /** Attempts reserved in the current window (counted before the password is checked). */
  failures: number;
  window_started_at: IsoTime | null;
  blocked_until: IsoTime | null;
  /** Lock-outs in a row: each one doubles the next delay (2026-11-30-0010). */
  lockouts: Generated<number>;
}

export type CccdPolicy = "required" | "optional" | "hidden";

export interface ContestsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  organizer_name: string;
  description: string;
  data_notice: string;
  cccd_policy: CccdPolicy;
  min_age: number;
  max_age: number;
  practice_enabled: Flag;
  /** ISO date (YYYY-MM-DD) the draw checks validity against; null = the first round's opening date. */
  reference_date: string | null;
  created_at: IsoTime;
  /** 1 for the demo contest seeded by `npm start` on an empty database: every page says so. */
  is_demo: Generated<Flag>;
  /** ISO dates (YYYY-MM-DD) of the contest's first and last day, when the organizer gave them. */
  starts_on: string | null;
  ends_on: string | null;
  /** Set when the next contest was created: a closed contest stays readable and takes no registrations. */
  closed_at: IsoTime | null;
}

export interface UnitsTable {
  id: Generated<number>;
  contest_id: number;
  parent_id: number | null;
  name: string;
  kind: string;
  expected_headcount: number | null;
  sort_order: number;
}

export interface CategoriesTable {
  id: Generated<number>;
  contest_id: number;
  name: string;
  sort_order: number;
}

export type ContestantStatus = "active" | "disqualified";
export type Gender = "male" | "female" | "other";

export interface ContestantsTable {
  id: Generated<number>;
  user_id: number;
  contest_id: number;
  full_name: string;
  /** foldForSearch(full_name): search and duplicate checks without diacritics. */
  name_folded: string;
  birth_date: string;
  gender: Gender;
  /** Normalised 0xxxxxxxxx. */
  phone: string;
  /** 12 digits, or null when not given. */
  cccd: string | null;
  unit_id: number;
  category_id: number;
  /** Member of the organising committee or jury: may not enter ranked rounds. */
  is_staff_member: Flag;
  status: ContestantStatus;
  status_reason: string | null;
  consent_at: IsoTime;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface TopicsTable {
  id: Generated<number>;
  name: string;
  sort_order: number;
}

export interface QuestionsTable {
  id: Generated<number>;
  /** Stable key from the bundled bank or an import, when there is one. */
  key: string | null;
  topic_id: number;
  difficulty: "easy" | "medium" | "hard";
  type: "single" | "multiple" | "true_false";
  status: "draft" | "approved" | "retired";
  current_version_id: number | null;
  /** foldForDuplicate(text) of the current version. */
  text_folded: string;
  source_document: string;
  tags: Json;
  created_at: IsoTime;
  updated_at: IsoTime;
}

/** What a contestant saw: a version is never changed once an attempt refers to it. */
export interface QuestionVersionsTable {
  id: Generated<number>;
  question_id: number;
  version: number;
  text: string;
  /** JSON string[] */
  options: Json;
  /** JSON number[]: 0-based indexes into options. The answer key: server only. */
  correct: Json;
  explanation: string;
  source_document: string;
  source_title: string | null;
  source_article: string | null;
  /** ISO date: first day the key is true; null = always was. */
  valid_from: string | null;
  /** ISO date: first day the key is no longer true (exclusive); null = still true. */
  valid_until: string | null;
  /** JSON string[]: the legal documents the key rests on. */
  basis: Generated<Json>;
  /** JSON string[]: questions sharing a group are never drawn into one attempt. */
  exclusion_groups: Generated<Json>;
  created_at: IsoTime;
}

export type RoundKind = "online" | "live";

export type BoardPolicy = "live" | "hidden" | "frozen";

export interface RoundsTable {
  id: Generated<number>;
  contest_id: number;
  title: string;
  opens_at: IsoTime;
  closes_at: IsoTime;
  duration_seconds: number;
  /** JSON DrawLine[]: { topicId: number | null, difficulty: string | null, count: number }. */
  draw_spec: Json;
  shuffle_questions: Flag;
  shuffle_options: Flag;
  prediction_enabled: Flag;
  max_attempts: number;
  /** JSON number[] of category ids; empty = everyone. */
  eligible_categories: Json;
  show_review_after_close: Flag;
  board_policy: BoardPolicy;
  freeze_minutes: number;
  /** JSON { easy, medium, hard } points. */
  points: Json;
  /** JSON { first, second, third, consolation } counts. */
  prizes: Json;
  /** Set when the official ranking has been computed. */
  ranked_at: IsoTime | null;
  published_at: IsoTime | null;
  perfect_count: number | null;
  created_at: IsoTime;
  /** 1: the organizers' rehearsal (thi thử của ban tổ chức): never in the overall ranking or contest exports. */
  is_rehearsal: Generated<Flag>;
  /** "online": taken alone within a window; "live": a final paced from the stage (issue 14). */
  kind: Generated<RoundKind>;
}

export type AttemptStatus = "in_progress" | "submitted";

export interface AttemptsTable {
  id: Generated<number>;
  /** Null for practice attempts drawn from the whole bank. */
  round_id: number | null;
  contestant_id: number;
  is_practice: Flag;
  attempt_no: number;
  status: AttemptStatus;
  seed: number;
  started_at: IsoTime;
  deadline_at: IsoTime;
  submitted_at: IsoTime | null;
  submit_reason: "manual" | "deadline" | null;
  prediction: number | null;
  score: number | null;
  correct_count: number | null;
  all_correct: Flag | null;
  duration_ms: number | null;
}

export interface AttemptItemsTable {
  attempt_id: number;
  position: number;
  question_version_id: number;
  /** JSON number[]: display order → original option index. */
  option_order: Json;
  /** JSON number[] of original option indexes, null when unanswered. */
  chosen: Json | null;
  answered_at: IsoTime | null;
  marked: Flag;
  is_correct: Flag | null;
  points: number | null;
}

export interface RoundRankingsTable {
  round_id: number;
  attempt_id: number;
  rank: number;
  score: number;
  prediction_distance: number | null;
  duration_ms: number;
  submitted_at: IsoTime;
  prize: "first" | "second" | "third" | "consolation" | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: IsoTime;
  actor_user_id: number | null;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON object */
  details: Json;
}

/** An import's valid rows between the preview and the organizer's confirmation. */
export interface QuestionImportsTable {
  /** SHA-256 of the random token the preview page holds. */
  id: string;
  /** Only the organizer who uploaded the file can confirm it. */
  user_id: number;
  file_name: string;
  format: string;
  file_sha256: string;
  /** JSON { line: number, key: string | null, draft: QuestionDraft }[]: the rows without problems. */
  rows: Json;
  row_count: number;
  problem_row_count: number;
  created_at: IsoTime;
  expires_at: IsoTime;
  confirmed_at: IsoTime | null;
}

/** A question version's picture (issue 15), re-encoded by the server. */
export interface QuestionPicturesTable {
  id: Generated<number>;
  question_version_id: number;
  /** "question", or "option:N" for option N in original order. */
  slot: string;
  /** The name an export gives it inside `pictures/`. */
  file_name: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
  sha256: string;
  byte_size: number;
  bytes: Uint8Array;
  created_at: IsoTime;
}

export type ScreenViewKind = "auto" | "join" | "live" | "winners" | "units";

/** What the console last told one audience screen to show (issue 11): survives a reload of the screen. */
export interface ScreenStatesTable {
  /** Random id the screen keeps in its own storage. */
  screen_id: string;
  round_id: number | null;
  view: ScreenViewKind;
  updated_at: IsoTime;
  updated_by: number | null;
}

/** A live final's settings and where it stands; the server's state survives a restart (issue 14). */
export interface LiveFinalsTable {
  round_id: number;
  join_code: string;
  seconds_per_question: number;
  base_points: number;
  speed_bonus: Flag;
  speed_bonus_points: number;
  /** JSON LiveEligibility. */
  eligibility: Json;
  /** LivePhase from app/rules/live/state.ts. */
  phase: string;
  /** The current question (0-based), -1 in the lobby. */
  position: number;
  question_started_at: IsoTime | null;
  deadline_at: IsoTime | null;
  /** Set while paused: what was left of the question's time. */
  paused_remaining_ms: number | null;
  version: number;
  updated_at: IsoTime;
}

export interface LiveQuestionsTable {
  round_id: number;
  position: number;
  question_version_id: number;
  /** A skipped question counts for nobody. */
  skipped: Flag;
  opened_at: IsoTime | null;
  revealed_at: IsoTime | null;
}

export interface LivePlayersTable {
  round_id: number;
  contestant_id: number;
  /** The attempt the result is written to at the end (same ranking snapshot and exports as other rounds). */
  attempt_id: number | null;
  prediction: number | null;
  joined_at: IsoTime;
}

export interface LiveAnswersTable {
  round_id: number;
  position: number;
  contestant_id: number;
  /** The original option index chosen. */
  choice: number;
  answered_at: IsoTime;
  /** From the question's start, paused time excluded; decided by the server. */
  elapsed_ms: number;
}

/** A seat code of a live final: an invited contestant joins with it, without an account. */
export interface LiveSeatsTable {
  round_id: number;
  contestant_id: number;
  code: string;
  created_at: IsoTime;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  contests: ContestsTable;
  units: UnitsTable;
  categories: CategoriesTable;
  contestants: ContestantsTable;
  topics: TopicsTable;
  questions: QuestionsTable;
  question_versions: QuestionVersionsTable;
  rounds: RoundsTable;
  attempts: AttemptsTable;
  attempt_items: AttemptItemsTable;
  round_rankings: RoundRankingsTable;
  audit_log: AuditLogTable;
  question_imports: QuestionImportsTable;
  question_pictures: QuestionPicturesTable;
  screen_states: ScreenStatesTable;
  live_finals: LiveFinalsTable;
  live_questions: LiveQuestionsTable;
  live_players: LivePlayersTable;
  live_answers: LiveAnswersTable;
  live_seats: LiveSeatsTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Contest = Selectable<ContestsTable>;
export type Unit = Selectable<UnitsTable>;
export type Category = Selectable<CategoriesTable>;
export type Contestant = Selectable<ContestantsTable>;
export type NewContestant = Insertable<ContestantsTable>;
export type ContestantUpdate = Updateable<ContestantsTable>;
export type Topic = Selectable<TopicsTable>;
export type Question = Selectable<QuestionsTable>;
export type QuestionVersion = Selectable<QuestionVersionsTable>;
export type Round = Selectable<RoundsTable>;
export type NewRound = Insertable<RoundsTable>;
export type Attempt = Selectable<AttemptsTable>;
export type AttemptItem = Selectable<AttemptItemsTable>;
export type RoundRanking = Selectable<RoundRankingsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type QuestionImport = Selectable<QuestionImportsTable>;
export type ScreenState = Selectable<ScreenStatesTable>;
