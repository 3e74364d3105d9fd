/** Every API error has this body: a stable code to switch on, a sentence for people, optional details. */
export interface ApiErrorBody {
  error: { code: string; message: string; issues?: unknown[]; [k: string]: unknown };
}

/** An error the routes throw to answer with `status` and an ApiErrorBody. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(status: number, code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
  }
  /** The JSON body of this error. */
  body(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}
