import type { LogKind } from './options.js';

/** The roles a log column can play. */
export type LogField = 'timestamp' | 'sender' | 'recipients' | 'cc' | 'bcc' | 'channel' | 'meeting' | 'duration' | 'attendees';

/** Accepted headers per role (lower-case, spaces/underscores/dashes ignored). */
const ALIASES: Record<LogField, string[]> = {
  timestamp: [
    'timestamp',
    'time',
    'date',
    'datetime',
    'sent',
    'sentat',
    'senttime',
    'start',
    'starttime',
    'startat',
    'created',
    'createdat',
  ],
  sender: ['sender', 'from', 'source', 'author', 'organizer', 'organiser', 'user'],
  recipients: ['to', 'recipients', 'recipient', 'target', 'receiver', 'receivers'],
  cc: ['cc'],
  bcc: ['bcc'],
  channel: ['channel', 'channelid', 'room', 'thread', 'conversation', 'group'],
  meeting: ['id', 'meetingid', 'meeting', 'eventid', 'event'],
  duration: ['duration', 'durationminutes', 'minutes', 'lengthminutes'],
  attendees: ['attendees', 'participants', 'invitees', 'attendeelist'],
};

/** Columns that hold message content. leadmap reads metadata only and refuses files that carry content. */
export const CONTENT_HEADERS = [
  'subject',
  'body',
  'content',
  'message',
  'messagebody',
  'text',
  'snippet',
  'preview',
  'title',
  'bodypreview',
  'topic',
  'description',
  'notes',
];

const REQUIRED: Record<LogKind, LogField[]> = {
  email: ['timestamp', 'sender'],
  meeting: ['meeting', 'timestamp', 'attendees'],
  chat: ['timestamp', 'sender'],
  generic: ['timestamp', 'sender'],
};

const WANTED: Record<LogKind, LogField[]> = {
  email: ['timestamp', 'sender', 'recipients', 'cc', 'bcc'],
  meeting: ['meeting', 'timestamp', 'duration', 'attendees', 'sender'],
  chat: ['timestamp', 'sender', 'recipients', 'channel'],
  generic: ['timestamp', 'sender', 'recipients', 'channel'],
};

export function normaliseHeader(h: string): string {
  return h
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

export interface ColumnProblem {
  code: 'CONTENT_COLUMN' | 'MISSING_COLUMN' | 'DUPLICATE_HEADER';
  column: string;
  message: string;
}

export interface ResolvedColumns {
  index: Partial<Record<LogField, number>>;
  problems: ColumnProblem[];
}

/**
 * Maps a log header to field roles for one kind. Content columns (subject, body, message, …) are an
 * error: nothing of such a file is read or stored. For meetings the timestamp is the start; for
 * generic logs sender/recipients are called source/target.
 */
export function resolveColumns(kind: LogKind, header: readonly string[]): ResolvedColumns {
  const problems: ColumnProblem[] = [];
  const norm = header.map(normaliseHeader);
  norm.forEach((h, i) => {
    if (CONTENT_HEADERS.includes(h)) {
      problems.push({
        code: 'CONTENT_COLUMN',
        column: header[i]!,
        message: 'message content is not accepted: leadmap reads only metadata (who, whom, when); remove this column and upload again',
      });
    }
    if (h !== '' && norm.indexOf(h) !== i)
      problems.push({ code: 'DUPLICATE_HEADER', column: header[i]!, message: 'each column header must appear once' });
  });
  const index: Partial<Record<LogField, number>> = {};
  for (const field of WANTED[kind]) {
    // For meetings "id" names the meeting; elsewhere it is not a role.
    const aliases = ALIASES[field].filter((a) => !(kind === 'meeting' && field === 'sender' && a === 'user'));
    const i = norm.findIndex((h) => aliases.includes(h) && !Object.values(index).includes(norm.indexOf(h)));
    if (i >= 0) index[field] = i;
  }
  for (const field of REQUIRED[kind]) {
    if (index[field] === undefined) {
      problems.push({
        code: 'MISSING_COLUMN',
        column: field,
        message: `a ${field} column is required for ${kind} logs (accepted headers: ${ALIASES[field].join(', ')}; found: ${header.join(', ')})`,
      });
    }
  }
  if (kind === 'email' && index.recipients === undefined && index.cc === undefined && index.bcc === undefined) {
    problems.push({
      code: 'MISSING_COLUMN',
      column: 'to',
      message: `an e-mail log needs a to, cc or bcc column (found: ${header.join(', ')})`,
    });
  }
  if ((kind === 'chat' || kind === 'generic') && index.recipients === undefined && index.channel === undefined) {
    problems.push({
      code: 'MISSING_COLUMN',
      column: kind === 'chat' ? 'recipients' : 'target',
      message: `a ${kind} log needs a ${kind === 'chat' ? 'recipients' : 'target'} or channel column (found: ${header.join(', ')})`,
    });
  }
  return { index, problems };
}
