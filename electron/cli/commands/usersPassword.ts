/**
 * Reading a new password for `midad users add`: one line from standard input. At a terminal
 * it is typed without echo and asked twice; from a pipe (`printf 'pw\n' | midad users add …`)
 * the first line is taken as it is, without its line ending.
 */
export type PasswordInput = { ok: true; password: string } | { ok: false; reason: 'empty' | 'mismatch' | 'cancelled' };

async function readFirstLine(stream: NodeJS.ReadStream): Promise<string | null> {
  stream.setEncoding('utf8');
  let text = '';
  for await (const chunk of stream) {
    text += chunk as string;
    const end = text.indexOf('\n');
    // Leaving the loop early closes the stream: the rest of the input is not read.
    if (end >= 0) return text.slice(0, end).replace(/\r$/, '');
  }
  return text === '' ? null : text.replace(/\r$/, '');
}

/** One line typed at the terminal with echo off; null on Ctrl-C. */
function readHiddenLine(stream: NodeJS.ReadStream, prompt: string): Promise<string | null> {
  process.stderr.write(prompt);
  stream.setEncoding('utf8');
  stream.setRawMode(true);
  stream.resume();
  return new Promise((resolve) => {
    let line = '';
    const finish = (value: string | null) => {
      stream.off('data', onData);
      stream.setRawMode(false);
      stream.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(line);
        if (ch === '\u0003') return finish(null);
        if (ch === '\u007f' || ch === '\b') line = [...line].slice(0, -1).join('');
        else line += ch;
      }
    };
    stream.on('data', onData);
  });
}

export async function readNewPassword(stream: NodeJS.ReadStream = process.stdin): Promise<PasswordInput> {
  if (!stream.isTTY) {
    const line = await readFirstLine(stream);
    return line ? { ok: true, password: line } : { ok: false, reason: 'empty' };
  }
  const first = await readHiddenLine(stream, 'New password / كلمة المرور الجديدة: ');
  if (first === null) return { ok: false, reason: 'cancelled' };
  if (!first) return { ok: false, reason: 'empty' };
  const again = await readHiddenLine(stream, 'Again / أعدها: ');
  if (again === null) return { ok: false, reason: 'cancelled' };
  return again === first ? { ok: true, password: first } : { ok: false, reason: 'mismatch' };
}
