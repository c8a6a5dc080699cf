import type { ErrorAnswer, FeedbackAnswer, MeAnswer, TargetAnswer, UploadAnswer } from '../api';
import type { Board } from '../board';
import type { SearchResult } from '../search';
import { authorization, forgetWeblink } from './launch';
import { fill, W } from './words';

/**
 * The bot's API under this page's path. The answers' types are the server's own (src/web/api.ts,
 * board.ts, search.ts, target-detail.ts): type-only imports, gone from the bundle, so page and
 * server cannot drift apart unnoticed.
 */
export interface Answers {
  me: MeAnswer;
  board: Board;
  search: SearchResult;
  target: TargetAnswer;
  feedback: FeedbackAnswer;
  upload: UploadAnswer;
}

/** A refusal with the server's own (Chinese) message, and its body (an upload's `mapping`). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly body: Partial<ErrorAnswer> = {},
  ) {
    super(message);
  }
}

const refusal = async (response: Response): Promise<ApiError> => {
  const body = (await response.json().catch(() => ({}))) as Partial<ErrorAnswer>;
  if (response.status === 401) forgetWeblink();
  return new ApiError(body.error || fill(W.serverSaid, { status: response.status }), body);
};

/** A signed-in call: `route` names the answer's type, `query` follows it (`board?report=3`). */
export const api = async <R extends keyof Answers>(route: R, query: Record<string, string> = {}, init: RequestInit = {}): Promise<Answers[R]> => {
  const params = new URLSearchParams(query).toString();
  const response = await fetchSigned(`api/${route}${params ? `?${params}` : ''}`, init);
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as Answers[R];
};

/** A signed-in download (the bulletin): the response itself, or the server's refusal as an ApiError. */
export const download = async (path: string): Promise<Response> => {
  const response = await fetchSigned(`api/${path}`);
  if (!response.ok) throw await refusal(response);
  return response;
};

const fetchSigned = (url: string, init: RequestInit = {}): Promise<Response> =>
  fetch(url, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), Authorization: authorization } });
