import type { AuditEntry, Store } from '../store/store.js';

/** Every action the audit trail records (the web app's audit filter offers these). */
export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-failed',
  'password-changed',
  'view',
  'export',
  'upload',
  'reprocess',
  'review',
  'mapping',
  'import',
  'create',
  'rename',
  'update',
  'delete',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The audit trail: who viewed, exported, uploaded or deleted what. Targets are
 * ids ("wave:abc"), never names. Entries are buffered and written in batches
 * so reads never wait on the store's write lock.
 */
export class AuditLog {
  private buffer: AuditEntry[] = [];
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly delayMs = 500,
  ) {}

  record(entry: Omit<AuditEntry, 'at' | 'action'> & { action: AuditAction }): void {
    this.buffer.push({ at: new Date().toISOString(), ...entry });
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.delayMs);
  }

  /** Writes everything buffered; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const batch = this.buffer;
    this.buffer = [];
    this.flushing = this.flushing.then(async () => {
      if (batch.length === 0) return;
      try {
        await this.store.appendAudit(batch);
      } catch (err) {
        this.onError(err);
      }
    });
    return this.flushing;
  }
}
