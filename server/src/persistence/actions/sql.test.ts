/**
 * One statement, two databases: what the sql tag hands SQLite and PostgreSQL. A value is always a
 * parameter, never text in the statement, whatever it holds.
 */
import { describe, expect, it } from 'vitest';
import { forUpdate, greatest, inList, insertionOrder, json, render, sql } from './sql.js';

describe('statements for both databases', () => {
  it('[ST1] a value is a parameter for both: ? for SQLite, $1, $2 … for PostgreSQL, in order', () => {
    const name = "Anna'); DROP TABLE networks; --";
    const statement = sql`SELECT id FROM networks WHERE centre_name = ${name} AND created_at > ${'2030'}`;
    expect(render(statement, 'sqlite')).toEqual({
      text: 'SELECT id FROM networks WHERE centre_name = ? AND created_at > ?',
      params: [name, '2030'],
    });
    expect(render(statement, 'postgres')).toEqual({
      text: 'SELECT id FROM networks WHERE centre_name = $1 AND created_at > $2',
      params: [name, '2030'],
    });
  });

  it('[ST2] nested statements keep one numbering; absent values are NULL', () => {
    const where = sql`network_id = ${'n1'} AND actor_id = ${undefined}`;
    const statement = sql`SELECT ${sql`id`} FROM activity WHERE ${where} LIMIT ${5}`;
    expect(render(statement, 'postgres')).toEqual({
      text: 'SELECT id FROM activity WHERE network_id = $1 AND actor_id = $2 LIMIT $3',
      params: ['n1', null, 5],
    });
    expect(render(statement, 'sqlite').params).toEqual(['n1', null, 5]);
  });

  it('[ST3] JSON is text for SQLite and jsonb for PostgreSQL; a list is one parameter for either', () => {
    const writers = [{ id: 'p1', name: 'Maria' }];
    const statement = sql`UPDATE meeting_versions SET writers = ${json(writers)} WHERE id ${inList(['a', 'b'])}`;
    expect(render(statement, 'sqlite')).toEqual({
      text: 'UPDATE meeting_versions SET writers = ? WHERE id IN (SELECT value FROM json_each(?))',
      params: [JSON.stringify(writers), '["a","b"]'],
    });
    expect(render(statement, 'postgres')).toEqual({
      text: 'UPDATE meeting_versions SET writers = $1::jsonb WHERE id = ANY($2::text[])',
      params: [JSON.stringify(writers), ['a', 'b']],
    });
  });

  it('[ST4] what each database spells its own way: insertion order, row locks, the largest value', () => {
    const statement = sql`SELECT ${greatest}(a, b) FROM participants p ORDER BY ${insertionOrder('p')} ${forUpdate}`;
    expect(render(statement, 'sqlite').text).toBe('SELECT MAX(a, b) FROM participants p ORDER BY p.rowid ');
    expect(render(statement, 'postgres').text).toBe(
      'SELECT GREATEST(a, b) FROM participants p ORDER BY p.seq FOR UPDATE',
    );
  });

  it('[ST5] bytes reach PostgreSQL as a Buffer of exactly those bytes, SQLite as they are', () => {
    const whole = new Uint8Array([9, 1, 2, 3, 9]);
    const view = whole.subarray(1, 4);
    const [forPostgres] = render(sql`SELECT ${view}`, 'postgres').params as Buffer[];
    expect(Buffer.isBuffer(forPostgres)).toBe(true);
    expect([...(forPostgres as Buffer)]).toEqual([1, 2, 3]);
    expect(render(sql`SELECT ${view}`, 'sqlite').params[0]).toBe(view);
  });
});
