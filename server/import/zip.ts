// The parts of an .xlsx (a zip archive) read from the uploaded bytes by its central directory, so
// only the parts the import needs are ever inflated — and each only up to a size limit, counted
// on what actually comes out (the sizes a zip declares can lie).
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw } from 'node:zlib';
import { SheetRefused } from './sheet.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

/** More parts than any workbook a person keeps by hand. */
const MAX_ENTRIES = 10_000;

/** Inflated bytes still allowed, shared by the parts read against it. */
export interface Budget {
  left: number;
  tooBig: () => Error;
}

export const unreadable = () => new SheetRefused('无法读取该 Excel 文件，文件可能已损坏或不是 .xlsx 格式');

/** The archive's entries by name (from the central directory at its end). */
export function zipEntries(bytes: Buffer): Map<string, ZipEntry> {
  // End of central directory: 22 bytes, then a comment of up to 65,535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw unreadable();
  const count = bytes.readUInt16LE(eocd + 10);
  const offset = bytes.readUInt32LE(eocd + 16);
  // ZIP64 (a 0xFFFF / 0xFFFFFFFF marker) is never needed for an upload this small.
  if (count === 0xffff || offset === 0xffffffff || count > MAX_ENTRIES) throw unreadable();
  const entries = new Map<string, ZipEntry>();
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw unreadable();
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    };
    entries.set(entry.name.replace(/^\/+/, ''), entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

function compressedData(bytes: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== 0x04034b50) throw unreadable();
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  if (start + e.compressedSize > bytes.length) throw unreadable();
  return bytes.subarray(start, start + e.compressedSize);
}

/**
 * An entry's text, inflated as it is read and decoded as UTF-8 across chunk boundaries (a Chinese
 * character split between two chunks stays whole). Past the budget's bytes it stops with its error.
 */
export async function* entryText(bytes: Buffer, e: ZipEntry, budget: Budget): AsyncGenerator<string> {
  if (e.flags & 1) throw new SheetRefused('该 Excel 文件已加密，请取消密码保护后再导入');
  if (e.method !== 0 && e.method !== 8) throw unreadable();
  const data = compressedData(bytes, e);
  const source: Readable = e.method === 0 ? Readable.from([data]) : Readable.from([data]).pipe(createInflateRaw());
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      budget.left -= chunk.length;
      if (budget.left < 0) throw budget.tooBig();
      yield decoder.write(chunk);
    }
  } finally {
    source.destroy();
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** The same text as a stream, for the exceljs parts that read one. */
export function entryStream(bytes: Buffer, e: ZipEntry, budget: Budget): Readable {
  return Readable.from(entryText(bytes, e, budget), { objectMode: true });
}
