/**
 * A reader of the Prometheus text exposition format (version 0.0.4), strict enough to be a check: every
 * line is a comment, a `# HELP`/`# TYPE` line, or a sample `name{label="value",…} number`; anything else
 * throws, as a scraper would refuse it.
 */

/** One sample: a metric name, its labels and its value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** A scrape, read. */
export interface Scrape {
  samples: Sample[];
  /** Metric family → its declared type (counter, gauge, histogram, …). */
  types: Map<string, string>;
  /** The value of the sample with this name whose labels include `labels`; undefined when none. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;

function number(text: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  const value = Number(text);
  if (Number.isNaN(value)) throw new Error(`not a number: ${text}`);
  return value;
}

function labels(text: string | undefined, line: string): Record<string, string> {
  const read: Record<string, string> = {};
  if (!text) return read;
  LABEL.lastIndex = 0;
  while (LABEL.lastIndex < text.length) {
    const match = LABEL.exec(text);
    if (!match) throw new Error(`malformed labels in: ${line}`);
    read[match[1] as string] = (match[2] as string).replace(/\\(.)/g, (_, c: string) =>
      c === 'n' ? '\n' : c,
    );
  }
  return read;
}

/** Read a scrape; throws on a line a Prometheus server would refuse. */
export function parsePrometheus(text: string): Scrape {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      if (type) {
        if (types.has(type[1] as string)) throw new Error(`${type[1]} is declared twice`);
        types.set(type[1] as string, type[2] as string);
      } else if (!/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* /.test(line) && line.startsWith('# TYPE')) {
        throw new Error(`malformed TYPE line: ${line}`);
      }
      continue;
    }
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`malformed sample line: ${line}`);
    samples.push({
      name: match[1] as string,
      labels: labels(match[2], line),
      value: number(match[3] as string),
    });
  }
  return {
    samples,
    types,
    value(name, wanted = {}) {
      return samples.find(
        (sample) =>
          sample.name === name &&
          Object.entries(wanted).every(([key, value]) => sample.labels[key] === value),
      )?.value;
    },
  };
}
