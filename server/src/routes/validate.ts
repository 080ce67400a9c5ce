/** Validation of request bodies with zod; failures become `invalid_body` errors that say what is wrong. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { invalidBody } from '../errors.js';

/** Parse and validate the JSON body of a request. */
export async function jsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text === '' ? {} : JSON.parse(text);
  } catch {
    throw invalidBody('The request body is not valid JSON.');
  }
  const result = schema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw invalidBody(`${where}${issue?.message ?? 'invalid request body'}`);
  }
  return result.data;
}
