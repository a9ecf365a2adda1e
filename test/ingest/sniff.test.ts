import { describe, expect, it } from 'vitest';
import { sniffBytes } from '../../src/ingest/sniff.js';

const ascii = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes, the one sniffer (ties, rosters, survey exports, uploads)', () => {
  it('tells empty, BOM-only, xlsx and known binary formats apart', () => {
    expect(sniffBytes(new Uint8Array(0), 0)).toEqual({ kind: 'empty' });
    expect(sniffBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({ kind: 'empty' });
    expect(sniffBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toEqual({ kind: 'xlsx' });
    expect(sniffBytes(ascii('%PDF-1.7\n'))).toMatchObject({ kind: 'binary', reason: expect.stringMatching(/PDF/) });
    expect(sniffBytes(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatchObject({ kind: 'binary', reason: expect.stringMatching(/gzip/) });
    expect(sniffBytes(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0]))).toMatchObject({
      kind: 'binary',
      reason: expect.stringMatching(/\.xls\)/),
    });
  });

  it('reads UTF-8 (with or without BOM), Windows-1252 and UTF-16 with or without BOM', () => {
    expect(sniffBytes(ascii('\uFEFFid,name\n'))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 3 });
    expect(sniffBytes(ascii('id,name\nJosé\n'))).toEqual({ kind: 'text', encoding: 'utf-8', bomLength: 0 });
    expect(sniffBytes(new Uint8Array([...ascii('id,name\nJos'), 0xe9, 0x0a]))).toEqual({
      kind: 'text',
      encoding: 'windows-1252',
      bomLength: 0,
    });
    const u16 = Buffer.from('source\ttarget\na\tb\n', 'utf16le');
    expect(sniffBytes(u16)).toEqual({ kind: 'text', encoding: 'utf-16le', bomLength: 0 });
    expect(sniffBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(u16).swap16()]))).toEqual({
      kind: 'text',
      encoding: 'utf-16be',
      bomLength: 2,
    });
  });

  it('allows a UTF-8 sequence cut by the end of the sample only when the file goes on', () => {
    const cut = ascii('id,name\nJos\u00e9').subarray(0, -1); // first byte of é only
    expect(sniffBytes(cut, cut.length + 100)).toMatchObject({ encoding: 'utf-8' });
    expect(sniffBytes(cut, cut.length)).toMatchObject({ encoding: 'windows-1252' });
  });

  it('calls a sample binary above max(16, 2 %) control characters, and any NUL byte', () => {
    const withControls = (n: number, len: number) => {
      const b = ascii('a'.repeat(len));
      for (let i = 0; i < n; i++) b[i * 2 + 1] = 0x07;
      return b;
    };
    expect(sniffBytes(withControls(16, 100)).kind).toBe('text');
    expect(sniffBytes(withControls(17, 100)).kind).toBe('binary');
    expect(sniffBytes(withControls(40, 2000)).kind).toBe('text');
    expect(sniffBytes(withControls(41, 2000)).kind).toBe('binary');
    expect(sniffBytes(new Uint8Array([...ascii('id,name\n'), 0, ...ascii('x\n')]))).toEqual({
      kind: 'binary',
      reason: 'it contains NUL bytes',
    });
  });
});
