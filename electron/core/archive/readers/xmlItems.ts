import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/**
 * Streams an RSS/WXR file as its `<item>` elements, one string each, so a WordPress export of
 * any size is read one post at a time. The scanner knows just enough XML to find item
 * boundaries safely: CDATA sections, comments, processing instructions and quoted attribute
 * values are skipped whole, so a post whose content mentions `</item>` does not end it.
 *
 * Everything outside the items (the channel: title, authors, categories, tags) is collected
 * with each item replaced by as many line breaks as it spans, so an XML error found in it
 * points at the right line of the file.
 */

export const MAX_ITEM_CHARS = 64 * 1024 * 1024;
export const MAX_OUTSIDE_CHARS = 64 * 1024 * 1024;

export interface XmlItem {
  /** 1-based position among the file's items. */
  index: number;
  /** 1-based line of the file where the item starts. */
  line: number;
  xml: string;
}

export class XmlScanError extends Error {
  constructor(
    message: string,
    readonly messageAr: string,
    readonly line: number,
    readonly item: number | null,
  ) {
    super(message);
  }
}

function countLines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** Where the tag starting at `start` ends (index of its `>`), honouring quoted attribute values; -1 when not in the buffer yet. */
function tagEnd(buf: string, start: number): number {
  let quote = '';
  for (let index = start + 1; index < buf.length; index += 1) {
    const ch = buf[index]!;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return index;
    }
  }
  return -1;
}

export class XmlItemScanner {
  /** The file without its items (line breaks kept), once `items()` has run to the end. */
  outside = '';
  itemCount = 0;

  constructor(private readonly file: string) {}

  async *items(): AsyncGenerator<XmlItem> {
    const stream = createReadStream(this.file, { highWaterMark: 256 * 1024 });
    const decoder = new StringDecoder('utf8');
    const outside: string[] = [];
    let outsideChars = 0;
    let buf = '';
    let pos = 0;
    let line = 1;
    let itemStart = -1;
    let itemLine = 0;
    let eof = false;
    const iterator = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();

    const keepOutside = (text: string) => {
      outside.push(text);
      outsideChars += text.length;
      if (outsideChars > MAX_OUTSIDE_CHARS) {
        throw new XmlScanError(
          `More than ${MAX_OUTSIDE_CHARS / (1024 * 1024)} MB of the file is outside any <item>: this is not a WordPress export.`,
          `أكثر من ${MAX_OUTSIDE_CHARS / (1024 * 1024)} ميغابايت من الملف خارج أي <item>: ليس هذا ملف تصدير ووردبريس.`,
          line,
          null,
        );
      }
    };
    /** Moves `pos` to `to`, counting lines and keeping the text when it is outside an item. */
    const advance = (to: number) => {
      if (to <= pos) return;
      if (itemStart === -1) keepOutside(buf.slice(pos, to));
      line += countLines(buf, pos, to);
      pos = to;
    };

    try {
      while (true) {
        const lt = buf.indexOf('<', pos);
        let end = -1;
        // Nine characters tell a CDATA section from a tag; at the end of the file, what is there is all there is.
        if (lt !== -1 && (buf.length - lt >= 9 || eof)) {
          if (buf.startsWith('<![CDATA[', lt)) {
            const close = buf.indexOf(']]>', lt + 9);
            end = close === -1 ? -1 : close + 3;
          } else if (buf.startsWith('<!--', lt)) {
            const close = buf.indexOf('-->', lt + 4);
            end = close === -1 ? -1 : close + 3;
          } else if (buf.startsWith('<?', lt)) {
            const close = buf.indexOf('?>', lt + 2);
            end = close === -1 ? -1 : close + 2;
          } else {
            const close = tagEnd(buf, lt);
            end = close === -1 ? -1 : close + 1;
          }
        }
        const needMore = lt === -1 || end === -1;
        if (needMore && !eof) {
          // Text before the next construct can go now; then drop what was consumed and read on.
          advance(lt === -1 ? buf.length : lt);
          const keepFrom = itemStart === -1 ? pos : itemStart;
          buf = buf.slice(keepFrom);
          pos -= keepFrom;
          if (itemStart !== -1) {
            itemStart = 0;
            if (buf.length > MAX_ITEM_CHARS) {
              throw new XmlScanError(
                `Item ${this.itemCount + 1} (line ${itemLine}) is larger than ${MAX_ITEM_CHARS / (1024 * 1024)} MB or never closed.`,
                `العنصر ${this.itemCount + 1} (السطر ${itemLine}) أكبر من ${MAX_ITEM_CHARS / (1024 * 1024)} ميغابايت أو غير مغلق.`,
                itemLine,
                this.itemCount + 1,
              );
            }
          }
          const next = await iterator.next();
          if (next.done) {
            eof = true;
            buf += decoder.end();
          } else {
            buf += decoder.write(next.value);
          }
          continue;
        }
        if (lt === -1 || end === -1) {
          // End of file.
          if (itemStart !== -1) {
            throw new XmlScanError(
              `Item ${this.itemCount + 1}, which starts on line ${itemLine}, is never closed: the file is cut short.`,
              `العنصر ${this.itemCount + 1}، الذي يبدأ في السطر ${itemLine}، غير مغلق: الملف مبتور.`,
              itemLine,
              this.itemCount + 1,
            );
          }
          if (lt !== -1) {
            advance(lt);
            throw new XmlScanError(`The file ends inside an unclosed construct that starts on line ${line}: it is cut short.`, `ينتهي الملف داخل بنية غير مغلقة تبدأ في السطر ${line}: الملف مبتور.`, line, null);
          }
          advance(buf.length);
          break;
        }
        advance(lt);
        const isTag = buf[lt + 1] !== '!' && buf[lt + 1] !== '?';
        const name = isTag ? (/^<\/?\s*([^\s/>]+)/.exec(buf.slice(lt, Math.min(end, lt + 64)))?.[1] ?? '') : '';
        const closing = isTag && buf[lt + 1] === '/';
        if (isTag && name === 'item' && !closing && itemStart === -1 && buf[end - 2] !== '/') {
          itemStart = lt;
          itemLine = line;
          line += countLines(buf, pos, end);
          pos = end;
        } else if (isTag && name === 'item' && closing && itemStart !== -1) {
          line += countLines(buf, pos, end);
          pos = end;
          const xml = buf.slice(itemStart, end);
          itemStart = -1;
          this.itemCount += 1;
          keepOutside('\n'.repeat(line - itemLine));
          yield { index: this.itemCount, line: itemLine, xml };
        } else {
          advance(end);
        }
      }
      this.outside = outside.join('');
    } finally {
      stream.destroy();
    }
  }
}
