import { PRESENCE_COLOURS } from '@polyphony/shared';
import { describe, expect, it } from 'vitest';
import { scanCanonical } from './canonicalPresence.js';
import type { Writer } from './contentRules.js';
import { boundByParsing, boundPresenceState } from './presenceCheck.js';

const maria: Writer = { participantId: 'maria', name: 'Maria', relation: 'nurse', role: 'professional' };
const coloured: Writer = { ...maria, participantId: 'jo', name: 'Jo', colour: '#2e7d4f' };
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const colours = PRESENCE_COLOURS.map(({ color }) => ({ color, bytes: encoder.encode(color) }));

/** What each path answers: the bound state as text, null, or "throws". */
function answer(bind: typeof boundByParsing, state: Uint8Array, writer: Writer, strict: boolean): string {
  try {
    const bound = bind(state, writer, strict);
    return bound === null ? 'null' : decoder.decode(bound);
  } catch {
    return 'throws';
  }
}

function expectSame(state: Uint8Array): void {
  for (const writer of [maria, coloured]) {
    for (const strict of [true, false]) {
      expect(answer(boundPresenceState, state, writer, strict), decoder.decode(state)).toBe(
        answer(boundByParsing, state, writer, strict),
      );
    }
  }
}

/** A small random generator (the same sequence every run). */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

const position = (client: number, clock: number, extra = '') =>
  `{"type":null,"tname":null,"item":{"client":${client},"clock":${clock}},"assoc":0${extra}}`;
/** The states editors send: the bench's light editors, the stock provider, the meeting page. */
const editorStates = [
  `{"user":{"name":"editor-3","color":"#30bced"},"cursor":{"anchor":${position(12, 40)},"head":${position(12, 40)}}}`,
  `{"user":{"name":"Maria","color":"#8a4f7d"},"cursor":{"anchor":{"type":{"client":1,"clock":2},"tname":null,"item":{"client":3,"clock":4},"assoc":-1},"head":{"type":{"client":1,"clock":2},"item":null,"assoc":0}}}`,
  `{"user":{"name":"Jérôme \\"J\\" 😀","color":"#1f6f8b"},"cursor":null,"handRaised":true}`,
  `{"cursor":{"anchor":{"tname":"default","assoc":0},"head":{}},"handRaised":false}`,
  `{"user":{"name":"x","color":"#2e7d4f","colorName":"Green","n":3,"ok":true,"z":null}}`,
  '{"user":{}}',
  '{}',
  '{"extra":"field","n":-12,"user":{"name":"a"},"flag":false,"cursor":null}',
];

describe('presence in the narrow form, bound without parsing', () => {
  it('is recognised in the states editors send', () => {
    for (const state of editorStates)
      expect(scanCanonical(encoder.encode(state), colours), state).not.toBe(false);
  });

  it('answers what the general path answers, for the editors’ states and hand-picked edge cases', () => {
    const cases = [
      ...editorStates,
      // left to the general path (or answered alike):
      '{"user":{"name":"a"},"user":{"name":"b"}}',
      '{"cursor":null,"cursor":{"anchor":{},"head":{}}}',
      `{"cursor":{"anchor":${position(1, 2)},"anchor":${position(1, 2)},"head":{}}}`,
      '{"cursor":{"anchor":{"item":{"client":1,"clock":2,"client":3}},"head":{}}}',
      '{"cursor":{"anchor":{"assoc":0,"assoc":1},"head":{}}}',
      '{"user":{"color":"#8a4f7d","color":"#1f6f8b"}}',
      '{"user":{"color":"\\u00238a4f7d"}}',
      '{"user":{"\\u0063olor":"#8a4f7d"}}',
      '{"user":{"color":"#8A4F7D"}}',
      '{"1":"a","user":{}}',
      '{"b":1,"10":2,"user":{}}',
      '{"b":1,"a":2}',
      '{ "user": {} }',
      '{"user":{}} ',
      '{"n":01}',
      '{"n":-0}',
      '{"n":1.5}',
      '{"n":1e3}',
      '{"n":1234567890123456789}',
      '{"n":123456789012345}',
      '{"s":"tab\there"}',
      '{"s":"é"}',
      '{"handRaised":"yes"}',
      '{"handRaised":null}',
      `{"cursor":{"anchor":{"tname":"${'x'.repeat(100)}"},"head":{}}}`,
      `{"cursor":{"anchor":{"tname":"${'x'.repeat(101)}"},"head":{}}}`,
      '{"cursor":{"anchor":{"item":{"client":-1,"clock":2}},"head":{}}}',
      '{"cursor":{"anchor":{"item":{"client":1}},"head":{}}}',
      '{"cursor":{"anchor":{"item":{}},"head":{}}}',
      '{"cursor":{"anchor":{"other":1},"head":{}}}',
      '{"cursor":{"anchor":{}}}',
      '{"cursor":{"head":{},"anchor":{}}}',
      '{"cursor":{"anchor":{},"head":{},"x":1}}',
      '{"cursor":"somewhere"}',
      '{"extra":{"a":[1,"two",null]}}',
      '{"__proto__":1,"user":{}}',
      '{"user":{"name":"\\ud800"}}',
      '{"user":{"name":"\\x"}}',
      '{"user":"not an object"}',
      '[1]',
      'null',
      '{"cursor":',
      '{"user":{}}}',
      '{',
      '',
    ];
    for (const state of cases) expectSame(encoder.encode(state));
    // Bytes that are not UTF-8 inside and outside `user`, a BOM, an overlong form, a surrogate.
    const bytes = (prefix: string, raw: number[], suffix: string) =>
      new Uint8Array([...encoder.encode(prefix), ...raw, ...encoder.encode(suffix)]);
    for (const raw of [
      [0xff],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xc3],
    ]) {
      expectSame(bytes('{"user":{"name":"', raw, '"}}'));
      expectSame(bytes('{"s":"', raw, '"}'));
    }
    expectSame(bytes('', [0xef, 0xbb, 0xbf], '{"user":{}}'));
  });

  it('answers what the general path answers for states changed at random', () => {
    const next = random(20);
    const alphabet = encoder.encode('{}[]":,\\-0123456789 eE.nultrfa#xuéÿ');
    let answered = 0;
    for (let round = 0; round < 4000; round++) {
      const base = encoder.encode(editorStates[round % editorStates.length] as string);
      const changed = Array.from(base);
      const edits = 1 + Math.floor(next() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * changed.length);
        const byte = alphabet[Math.floor(next() * alphabet.length)] as number;
        const kind = next();
        if (kind < 0.4) changed[at] = byte;
        else if (kind < 0.7) changed.splice(at, 1);
        else changed.splice(at, 0, byte);
      }
      const state = new Uint8Array(changed);
      if (scanCanonical(state, colours) !== false) answered++;
      expectSame(state);
    }
    // The narrow path took part (not everything fell back to parsing).
    expect(answered).toBeGreaterThan(200);
  });
});
