import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import libmime from 'libmime';

/*
 * ISO-2022-KR (RFC 1557), the 7-bit Korean mail charset, is the one Korean charset iconv-lite
 * (mailparser's decoder) lacks; EUC-KR and CP949 (ks_c_5601-1987) it decodes itself. ISO-2022-KR
 * is EUC-KR with the high bit stripped between SO and SI, so it is decoded by restoring that bit.
 */
const ISO_2022_KR = /^iso-?2022-?kr$/i;

/** Decodes ISO-2022-KR bytes (the ESC $ ) C designator, SO/SI shifts; a line end shifts back in). */
export function decodeIso2022Kr(buf: Buffer): string {
  const out = Buffer.alloc(buf.length);
  let n = 0;
  let shifted = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (b === 0x1b && buf[i + 1] === 0x24 && buf[i + 2] === 0x29 && buf[i + 3] === 0x43) {
      i += 3;
      continue;
    }
    if (b === 0x0e) shifted = true;
    else if (b === 0x0f) shifted = false;
    else {
      if (b === 0x0a || b === 0x0d) shifted = false;
      out[n++] = shifted && b > 0x20 && b < 0x7f ? b | 0x80 : b;
    }
  }
  return iconv.decode(out.subarray(0, n), 'euc-kr');
}

class Iso2022KrStream extends Transform {
  private chunks: Buffer[] = [];
  _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback) {
    this.chunks.push(chunk);
    done();
  }
  _flush(done: TransformCallback) {
    this.push(Buffer.from(decodeIso2022Kr(Buffer.concat(this.chunks)), 'utf8'));
    done();
  }
}

/**
 * The `Iconv` option of mailparser: ISO-2022-KR bodies here, every other charset through
 * libmime's own decoder (what mailparser uses without the option).
 */
export function BodyDecoder(this: unknown, charset: string) {
  return ISO_2022_KR.test(charset) ? new Iso2022KrStream() : libmime.createDecodeStream(charset);
}

/** Rewrites ISO-2022-KR encoded-words of a header section as UTF-8 ones, which mailparser decodes. */
export function fixHeaderCharsets(raw: Buffer): Buffer {
  const head = raw.subarray(0, Math.min(raw.length, 256 * 1024)).toString('latin1');
  if (!/=\?iso-?2022-?kr\?/i.test(head)) return raw;
  const end = head.search(/\r?\n\r?\n/);
  const cut = end < 0 ? head.length : end;
  const fixed = head
    .slice(0, cut)
    .replace(/=\?iso-?2022-?kr(?:\*[^?]*)?\?([bq])\?([^?\s]*)\?=/gi, (_w, enc: string, text: string) => {
      const bytes =
        enc.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64')
          : Buffer.from(
              text
                .replace(/_/g, ' ')
                .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
              'latin1',
            );
      return `=?UTF-8?B?${Buffer.from(decodeIso2022Kr(bytes), 'utf8').toString('base64')}?=`;
    });
  return Buffer.concat([Buffer.from(fixed, 'latin1'), raw.subarray(cut)]);
}
