import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A line longer than this (in UTF-16 code units, about bytes for JSON) is refused rather than held in memory; one article is far smaller. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export class LineTooLongError extends Error {
  constructor(readonly line: number) {
    super(`line ${line} is longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB`);
  }
}

/**
 * The lines of a UTF-8 file, streamed (never the whole file in memory): 1-based numbers, line
 * endings (LF or CRLF) removed, a leading byte order mark dropped.
 */
export async function* readLines(file: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<{ number: number; text: string }> {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
  const decoder = new StringDecoder('utf8');
  let pending: string[] = [];
  let pendingBytes = 0;
  let number = 0;
  const take = (tail: string): string => {
    if (pendingBytes + tail.length > maxLineBytes) throw new LineTooLongError(number + 1);
    const text = pending.length > 0 ? pending.join('') + tail : tail;
    pending = [];
    pendingBytes = 0;
    number += 1;
    const line = text.endsWith('\r') ? text.slice(0, -1) : text;
    return number === 1 ? line.replace(/^\uFEFF/, '') : line;
  };
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decoder.write(chunk);
      let start = 0;
      for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', start)) {
        const line = take(text.slice(start, index));
        start = index + 1;
        yield { number, text: line };
      }
      if (start < text.length) {
        const rest = text.slice(start);
        pending.push(rest);
        pendingBytes += rest.length;
        if (pendingBytes > maxLineBytes) throw new LineTooLongError(number + 1);
      }
    }
    const tail = decoder.end();
    if (pending.length > 0 || tail) {
      const last = take(tail);
      yield { number, text: last };
    }
  } finally {
    stream.destroy();
  }
}
