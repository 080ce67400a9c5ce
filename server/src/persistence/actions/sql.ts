/**
 * Statements written once for both databases, and actions made of them.
 *
 * A statement is a tagged template: `sql\`SELECT … WHERE id = ${id}\``. Every interpolated value is a
 * parameter (never spliced into the text), rendered as `?` for SQLite and `$1, $2 …` for PostgreSQL.
 * What the two databases spell differently is said once, here: JSON parameters (`json`), lists
 * (`inList`), the insertion order of rows (`insertionOrder`), row locks (`forUpdate`), the largest of
 * several values (`greatest`), and bytes (PostgreSQL is handed Buffers).
 *
 * An action is a generator that yields the statements it runs and is given back their results
 * (`yield* rows(…)`, `yield* changes(…)`). It says what it reads and writes and nothing about how: the
 * SQLite runner drives it synchronously inside one BEGIN IMMEDIATE (so nothing else on the connection
 * can interleave), the PostgreSQL runner awaits each statement on one pooled connection inside
 * BEGIN … COMMIT (sqlite/SqliteActions.ts, postgres/PostgresActions.ts).
 *
 * Why not a typed query builder such as Kysely: its executor is asynchronous, so a SQLite transaction
 * would await between statements and a document append on the same connection could land inside it,
 * and its SQLite driver begins every transaction with a plain, deferred BEGIN (kysely-org/kysely#1152).
 * Both would break the rules above; this file is the whole of what the stores need instead.
 */

/** Which database a statement is rendered for. */
export type Dialect = 'sqlite' | 'postgres';

/** A piece of SQL text that each database spells its own way (never a value). */
class Spelling {
  constructor(readonly text: Readonly<Record<Dialect, string>>) {}
}

/** A parameter bound as JSON: text in SQLite, jsonb in PostgreSQL. */
class JsonValue {
  constructor(readonly value: unknown) {}
}

/** A list of texts a column is compared with: `column ${inList(values)}`. */
class TextList {
  constructor(readonly values: readonly string[]) {}
}

/** One statement: the template's pieces and the values between them. */
export interface Statement {
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
}

/** A statement; values are parameters, nested statements and spellings are inlined. */
export function sql(strings: TemplateStringsArray, ...values: unknown[]): Statement {
  return { strings, values };
}

/** A value bound as JSON (text in SQLite, jsonb in PostgreSQL). */
export const json = (value: unknown): JsonValue => new JsonValue(value);

/** `column ${inList(ids)}`: the column is one of these texts (one parameter however many there are). */
export const inList = (values: readonly string[]): TextList => new TextList(values);

/** The order rows were inserted in: SQLite's rowid, PostgreSQL's seq column (participants, invitations). */
export const insertionOrder = (alias?: string): Spelling => {
  const prefix = alias ? `${alias}.` : '';
  return new Spelling({ sqlite: `${prefix}rowid`, postgres: `${prefix}seq` });
};

/**
 * Lock the rows read until the transaction ends (PostgreSQL, where other instances write at the same
 * time); SQLite's BEGIN IMMEDIATE already holds the whole file's write lock.
 */
export const forUpdate = new Spelling({ sqlite: '', postgres: 'FOR UPDATE' });

/** A table's or a column's name from schema.ts (never a value), spelled the same in both databases. */
export const schemaName = (name: string): Spelling => {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`not a schema name: ${name}`);
  return new Spelling({ sqlite: name, postgres: name });
};

/** The largest of several values: SQLite's scalar MAX, PostgreSQL's GREATEST. */
export const greatest = new Spelling({ sqlite: 'MAX', postgres: 'GREATEST' });

/** A statement's text and parameters for one database. */
export interface Rendered {
  text: string;
  params: unknown[];
}

/** Render a statement for one database. */
export function render(statement: Statement, dialect: Dialect): Rendered {
  const params: unknown[] = [];
  const placeholder = () => (dialect === 'sqlite' ? '?' : `$${params.length}`);
  const bind = (value: unknown): string => {
    params.push(value);
    return placeholder();
  };
  const write = ({ strings, values }: Statement): string => {
    let text = strings[0] as string;
    values.forEach((value, n) => {
      text += piece(value) + (strings[n + 1] as string);
    });
    return text;
  };
  const piece = (value: unknown): string => {
    if (value instanceof Spelling) return value.text[dialect];
    if (value instanceof JsonValue) {
      const text = JSON.stringify(value.value);
      return dialect === 'sqlite' ? bind(text) : `${bind(text)}::jsonb`;
    }
    if (value instanceof TextList) {
      return dialect === 'sqlite'
        ? `IN (SELECT value FROM json_each(${bind(JSON.stringify(value.values))}))`
        : `= ANY(${bind(value.values)}::text[])`;
    }
    if (isStatement(value)) return write(value);
    if (value instanceof Uint8Array && dialect === 'postgres' && !Buffer.isBuffer(value)) {
      return bind(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
    }
    return bind(value ?? null);
  };
  return { text: write(statement), params };
}

const isStatement = (value: unknown): value is Statement =>
  typeof value === 'object' && value !== null && 'strings' in value && 'values' in value;

/** A statement an action runs, and what it wants back: its rows, or how many rows it changed. */
export interface Step {
  statement: Statement;
  wants: 'rows' | 'changes';
}

/** An action: the statements it runs, given their results, and what it returns. */
export type Action<R> = Generator<Step, R, unknown>;

/** The rows of a SELECT (or of a write with RETURNING). */
export function* rows<T>(statement: Statement): Generator<Step, T[], unknown> {
  return (yield { statement, wants: 'rows' }) as T[];
}

/** The first row, if any. */
export function* row<T>(statement: Statement): Generator<Step, T | undefined, unknown> {
  return (yield* rows<T>(statement))[0];
}

/** How many rows a write changed. */
export function* changes(statement: Statement): Generator<Step, number, unknown> {
  return (yield { statement, wants: 'changes' }) as number;
}

/** Where a store's actions run: each database has one (SqliteActions, PostgresActions). */
export interface ActionRunner {
  /** An action that only reads: no transaction needed. */
  read<R>(action: Action<R>): Promise<R>;
  /** An action that writes: one transaction, settled once it is durable (committed, and synced). */
  write<R>(action: Action<R>): Promise<R>;
}
