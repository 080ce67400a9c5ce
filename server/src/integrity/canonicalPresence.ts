/**
 * boundPresenceState without parsing, for the states editors send on every cursor move. An editor's
 * state is JSON in one narrow form — `{"user":{"name":"…","color":"#…"},"cursor":{"anchor":{"type":…,
 * "tname":null,"item":{"client":7,"clock":3},"assoc":0},"head":{…}}}`, no whitespace, plain ASCII
 * (but for the strings of `user`, which are replaced) — and in that form JSON.stringify of what JSON.parse reads is the bytes themselves. So the caret's bytes
 * are checked in place and copied, and `user` is replaced by the server's record of the person, without
 * building a string, the parsed objects and the JSON written again (about 2.5 KiB of garbage per cursor
 * move, a sixth of what a keystroke cost the server).
 *
 * Anything outside that form — whitespace, escapes, non-ASCII, numbers that are not short integers,
 * a key twice, nested values where only plain ones are read, a key that is an array index (JSON.parse
 * puts those first), a caret of the wrong shape, malformed JSON — is left to the general path (the
 * answer is `undefined`), which decides it as it always did; canonicalPresence.test.ts checks that both
 * answer alike wherever this one answers.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN = 0x7b;
const CLOSE = 0x7d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const KEY_USER = ascii('user');
const KEY_CURSOR = ascii('cursor');
const KEY_HAND = ascii('handRaised');
const KEY_COLOR = ascii('color');
const KEY_ANCHOR = ascii('anchor');
const KEY_HEAD = ascii('head');
const KEY_TYPE = ascii('type');
const KEY_TNAME = ascii('tname');
const KEY_ITEM = ascii('item');
const KEY_ASSOC = ascii('assoc');
const KEY_CLIENT = ascii('client');
const KEY_CLOCK = ascii('clock');
const NULL = ascii('null');
const TRUE = ascii('true');
const FALSE = ascii('false');
const USER_HEAD = ascii('"user":');
const CURSOR_HEAD = ascii(',"cursor":');
const HAND_TRUE = ascii(',"handRaised":true');
const HAND_FALSE = ascii(',"handRaised":false');

/**
 * Where each object's keys are kept while it is read, as [start, end) pairs, to refuse a key given twice:
 * the top level's at 0–7, `user`'s or the caret's at 8–15 (siblings), a position's at 10–13 and a Yjs id's
 * at 14–15 (nested in the caret).
 */
const TOP = 0;
const SECOND = 8;
const POSITION = 10;
const ID = 14;
const keys = new Int32Array(16 * 2);

/** What the scan found; one for the module (the scan is synchronous), so that it allocates nothing. */
const found = {
  /** Start and end of the value of user.color when it is a string (without its quotes), else -1. */
  colorStart: -1,
  colorEnd: -1,
  cursorStart: -1,
  cursorEnd: -1,
  /** 1 true, 0 false, -1 absent. */
  hand: -1,
  /** Ranges [start, end) of the top level's other fields, `"key":value` each. */
  others: new Int32Array(8 * 2),
  otherCount: 0,
};

/** Whether bytes [start, end) of `s` are `word`. */
function equals(s: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (s[start + i] !== word[i]) return false;
  return true;
}

/** Whether bytes [a, a + length) and [b, b + length) of `s` are the same. */
function sameBytes(s: Uint8Array, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (s[a + i] !== s[b + i]) return false;
  return true;
}

/** A plain string at pos (printable ASCII, no escapes): the position after its closing quote, or -1. */
function skipString(s: Uint8Array, pos: number): number {
  if (s[pos] !== QUOTE) return -1;
  for (let i = pos + 1; i < s.length; i++) {
    const c = s[i] as number;
    if (c === QUOTE) return i + 1;
    if (c < 0x20 || c > 0x7e || c === BACKSLASH) return -1;
  }
  return -1;
}

/**
 * Any JSON string at pos in well-formed UTF-8, escapes included — for the values of `user`, which are
 * replaced, not copied: the position after its closing quote, or -1.
 */
function skipAnyString(s: Uint8Array, pos: number): number {
  if (s[pos] !== QUOTE) return -1;
  let i = pos + 1;
  while (i < s.length) {
    const c = s[i] as number;
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      const e = s[i + 1];
      if (e === 0x75) {
        for (let k = i + 2; k < i + 6; k++) if (!isHex(s[k])) return -1;
        i += 6;
      } else if (
        e === QUOTE ||
        e === BACKSLASH ||
        e === 0x2f ||
        e === 0x62 ||
        e === 0x66 ||
        e === 0x6e ||
        e === 0x72 ||
        e === 0x74
      ) {
        i += 2;
      } else return -1;
      continue;
    }
    if (c < 0x80) {
      i++;
      continue;
    }
    // UTF-8 as TextDecoder's fatal mode takes it: no overlong forms, no surrogates, nothing past U+10FFFF.
    const next = utf8Length(s, i);
    if (next < 0) return -1;
    i = next;
  }
  return -1;
}

function isHex(c: number | undefined): boolean {
  return (
    c !== undefined && ((c >= ZERO && c <= NINE) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))
  );
}

const isContinuation = (c: number | undefined) => c !== undefined && c >= 0x80 && c <= 0xbf;

/** A well-formed UTF-8 sequence of two to four bytes at i: the position after it, or -1. */
function utf8Length(s: Uint8Array, i: number): number {
  const c = s[i] as number;
  const c1 = s[i + 1];
  if (c >= 0xc2 && c <= 0xdf) return isContinuation(c1) ? i + 2 : -1;
  if (c >= 0xe0 && c <= 0xef) {
    if (c1 === undefined) return -1;
    if (c === 0xe0 ? c1 < 0xa0 || c1 > 0xbf : c === 0xed ? c1 < 0x80 || c1 > 0x9f : !isContinuation(c1))
      return -1;
    return isContinuation(s[i + 2]) ? i + 3 : -1;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (c1 === undefined) return -1;
    if (c === 0xf0 ? c1 < 0x90 || c1 > 0xbf : c === 0xf4 ? c1 < 0x80 || c1 > 0x8f : !isContinuation(c1))
      return -1;
    return isContinuation(s[i + 2]) && isContinuation(s[i + 3]) ? i + 4 : -1;
  }
  return -1;
}

/**
 * An integer at pos as JSON.stringify writes it (no leading zero, no "-0", at most 15 digits, so exact):
 * the position after it, or -1. `nonNegative`: no minus sign.
 */
function skipInteger(s: Uint8Array, pos: number, nonNegative: boolean): number {
  let i = pos;
  if (s[i] === MINUS) {
    if (nonNegative) return -1;
    i++;
  }
  const first = i;
  while (i < s.length && (s[i] as number) >= ZERO && (s[i] as number) <= NINE) i++;
  const digits = i - first;
  if (digits === 0 || digits > 15) return -1;
  if (s[first] === ZERO && (digits > 1 || first > pos)) return -1;
  return i;
}

/** null at pos: the position after it, or -1. */
function skipNull(s: Uint8Array, pos: number): number {
  return equals(s, pos, pos + 4, NULL) ? pos + 4 : -1;
}

/** null, true, false, a plain string or an integer at pos: the position after it, or -1. */
function skipPlainValue(s: Uint8Array, pos: number): number {
  const c = s[pos];
  if (c === QUOTE) return skipString(s, pos);
  if (c === 0x6e) return skipNull(s, pos);
  if (c === 0x74) return equals(s, pos, pos + 4, TRUE) ? pos + 4 : -1;
  if (c === 0x66) return equals(s, pos, pos + 5, FALSE) ? pos + 5 : -1;
  return skipInteger(s, pos, false);
}

/**
 * The n-th key of an object (its keys kept from `base`, at most `limit`) at pos, and its colon: the
 * position of its value, or -1 for a key that is not plain, given twice, or an array index.
 */
function readKey(s: Uint8Array, pos: number, base: number, n: number, limit: number): number {
  if (n >= limit) return -1;
  const end = skipString(s, pos);
  if (end < 0 || s[end] !== COLON) return -1;
  const start = pos + 1;
  const length = end - 1 - start;
  const first = s[start] as number;
  // "0", "12"… are read first by JSON.parse whatever their place; no key of an editor's state is one.
  if (first >= ZERO && first <= NINE) return -1;
  for (let k = base; k < base + n; k++) {
    const a = keys[2 * k] as number;
    if ((keys[2 * k + 1] as number) - a === length && sameBytes(s, a, start, length)) return -1;
  }
  keys[2 * (base + n)] = start;
  keys[2 * (base + n) + 1] = start + length;
  return end + 1;
}

/** Whether the n-th key of the object whose keys are kept from `base` is `word`. */
function keyIs(s: Uint8Array, base: number, n: number, word: Uint8Array): boolean {
  return equals(s, keys[2 * (base + n)] as number, keys[2 * (base + n) + 1] as number, word);
}

/**
 * An object of plain values at pos (the person's `user`): the position after it, or -1; the value of
 * its "color", when a string, in found.color*.
 */
function skipUser(s: Uint8Array, pos: number): number {
  if (s[pos] !== OPEN) return -1;
  let i = pos + 1;
  if (s[i] === CLOSE) return i + 1;
  for (let n = 0; ; n++) {
    i = readKey(s, i, SECOND, n, 8);
    if (i < 0) return -1;
    const isColour = keyIs(s, SECOND, n, KEY_COLOR);
    // Its other values are left out of the bound state, so any string will do; the colour is read, so it
    // is plain (an escape could spell one of the colours).
    const end = s[i] === QUOTE && !isColour ? skipAnyString(s, i) : skipPlainValue(s, i);
    if (end < 0) return -1;
    if (s[i] === QUOTE && isColour) {
      found.colorStart = i + 1;
      found.colorEnd = end - 1;
    }
    i = end;
    if (s[i] === CLOSE) return i + 1;
    if (s[i] !== COMMA) return -1;
    i++;
  }
}

/** A Yjs id ({"client":n,"clock":n}, both, nothing else) or null at pos: the position after it, or -1. */
function skipYjsId(s: Uint8Array, pos: number): number {
  if (s[pos] !== OPEN) return skipNull(s, pos);
  let i = pos + 1;
  let client = false;
  let clock = false;
  for (let n = 0; n < 2; n++) {
    const value = readKey(s, i, ID, n, 2);
    if (value < 0) return -1;
    if (keyIs(s, ID, n, KEY_CLIENT)) client = true;
    else if (keyIs(s, ID, n, KEY_CLOCK)) clock = true;
    else return -1;
    i = skipInteger(s, value, true);
    if (i < 0) return -1;
    if (n === 0 && s[i++] !== COMMA) return -1;
  }
  return client && clock && s[i] === CLOSE ? i + 1 : -1;
}

/** A relative position (isRelativePosition) at pos: the position after it, or -1. */
function skipRelativePosition(s: Uint8Array, pos: number): number {
  if (s[pos] !== OPEN) return -1;
  let i = pos + 1;
  if (s[i] === CLOSE) return i + 1;
  for (let n = 0; ; n++) {
    const value = readKey(s, i, POSITION, n, 4);
    if (value < 0) return -1;
    if (keyIs(s, POSITION, n, KEY_TYPE) || keyIs(s, POSITION, n, KEY_ITEM)) {
      i = skipYjsId(s, value);
    } else if (keyIs(s, POSITION, n, KEY_TNAME)) {
      if (s[value] === QUOTE) {
        i = skipString(s, value);
        // At most 100 characters, as the general check says (ASCII: one byte each).
        if (i - value - 2 > 100) return -1;
      } else i = skipNull(s, value);
    } else if (keyIs(s, POSITION, n, KEY_ASSOC)) {
      i = skipInteger(s, value, false);
    } else return -1;
    if (i < 0) return -1;
    if (s[i] === CLOSE) return i + 1;
    if (s[i] !== COMMA) return -1;
    i++;
  }
}

/** A caret ({"anchor":…,"head":…}, both, nothing else) or null at pos: the position after it, or -1. */
function skipCursor(s: Uint8Array, pos: number): number {
  if (s[pos] !== OPEN) return skipNull(s, pos);
  let i = pos + 1;
  let anchor = false;
  let head = false;
  for (let n = 0; n < 2; n++) {
    const value = readKey(s, i, SECOND, n, 2);
    if (value < 0) return -1;
    if (keyIs(s, SECOND, n, KEY_ANCHOR)) anchor = true;
    else if (keyIs(s, SECOND, n, KEY_HEAD)) head = true;
    else return -1;
    i = skipRelativePosition(s, value);
    if (i < 0) return -1;
    if (n === 0 && s[i++] !== COMMA) return -1;
  }
  return anchor && head && s[i] === CLOSE ? i + 1 : -1;
}

/** Scan a state: true when it is in the narrow form, with what was found in `found`. */
function scan(s: Uint8Array): boolean {
  found.colorStart = -1;
  found.colorEnd = -1;
  found.cursorStart = -1;
  found.cursorEnd = -1;
  found.hand = -1;
  found.otherCount = 0;
  if (s[0] !== OPEN) return false;
  let i = 1;
  if (s[i] === CLOSE) return i + 1 === s.length;
  for (let n = 0; ; n++) {
    const keyStart = i;
    const value = readKey(s, i, TOP, n, 8);
    if (value < 0) return false;
    let end: number;
    if (keyIs(s, TOP, n, KEY_USER)) {
      end = skipUser(s, value);
    } else if (keyIs(s, TOP, n, KEY_CURSOR)) {
      end = skipCursor(s, value);
      found.cursorStart = value;
      found.cursorEnd = end;
    } else if (keyIs(s, TOP, n, KEY_HAND)) {
      if (equals(s, value, value + 4, TRUE)) {
        found.hand = 1;
        end = value + 4;
      } else if (equals(s, value, value + 5, FALSE)) {
        found.hand = 0;
        end = value + 5;
      } else end = -1;
    } else {
      end = skipPlainValue(s, value);
      const k = found.otherCount++;
      found.others[2 * k] = keyStart;
      found.others[2 * k + 1] = end;
    }
    if (end < 0) return false;
    i = end;
    if (s[i] === CLOSE) return i + 1 === s.length;
    if (s[i] !== COMMA) return false;
    i++;
  }
}

/** Copy bytes [start, end) of `from` into `to` at `at`; the position after them. */
function copy(from: Uint8Array, start: number, end: number, to: Uint8Array, at: number): number {
  for (let i = start; i < end; i++) to[at++] = from[i] as number;
  return at;
}

/** The state scanCanonical last found in the narrow form. */
let scanned: Uint8Array | null = null;

/**
 * Whether `state` is in the narrow form (see above): false when not (the general path decides);
 * otherwise the state's user.color when it is one of `colours`, or undefined (the general path treats a
 * colour that is not one of them as none). Then writeCanonical writes it, before any other scan.
 */
export function scanCanonical(
  state: Uint8Array,
  colours: readonly { bytes: Uint8Array; color: string }[],
): string | undefined | false {
  scanned = null;
  if (state.length < 2 || !scan(state)) return false;
  scanned = state;
  if (found.colorStart >= 0) {
    for (const colour of colours) {
      if (equals(state, found.colorStart, found.colorEnd, colour.bytes)) return colour.color;
    }
  }
  return undefined;
}

/**
 * The bound state of the state scanCanonical just found in the narrow form, with `user` (the server's,
 * as UTF-8 JSON): the same bytes as the general path writes.
 */
export function writeCanonical(state: Uint8Array, user: Uint8Array): Uint8Array {
  if (scanned !== state) throw new Error('writeCanonical without scanCanonical of the same state');
  scanned = null;
  let length = 1 + USER_HEAD.length + user.length + 1;
  for (let k = 0; k < found.otherCount; k++)
    length += (found.others[2 * k + 1] as number) - (found.others[2 * k] as number) + 1;
  if (found.cursorStart >= 0) length += CURSOR_HEAD.length + found.cursorEnd - found.cursorStart;
  const hand = found.hand === 1 ? HAND_TRUE : found.hand === 0 ? HAND_FALSE : null;
  if (hand) length += hand.length;
  const out = new Uint8Array(length);
  let at = 0;
  out[at++] = OPEN;
  for (let k = 0; k < found.otherCount; k++) {
    at = copy(state, found.others[2 * k] as number, found.others[2 * k + 1] as number, out, at);
    out[at++] = COMMA;
  }
  at = copy(USER_HEAD, 0, USER_HEAD.length, out, at);
  at = copy(user, 0, user.length, out, at);
  if (found.cursorStart >= 0) {
    at = copy(CURSOR_HEAD, 0, CURSOR_HEAD.length, out, at);
    at = copy(state, found.cursorStart, found.cursorEnd, out, at);
  }
  if (hand) at = copy(hand, 0, hand.length, out, at);
  out[at] = CLOSE;
  return out;
}
