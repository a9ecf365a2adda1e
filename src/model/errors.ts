/** An error that carries a machine-readable code. Tests assert the code, not the wording. */
export class LeadmapError extends Error {
  readonly code: string;
  readonly details: unknown;
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'LeadmapError';
    this.code = code;
    this.details = details;
  }
}
