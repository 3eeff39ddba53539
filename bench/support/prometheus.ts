/** One scrape of a Prometheus text exposition: `name{labels}` -> value. */
export type Scrape = Map<string, number>;

export async function scrape(baseUrl: string): Promise<Scrape> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const samples: Scrape = new Map();
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const cut = line.lastIndexOf(" ");
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

/** The sum of every sample of `name` whose labels contain each of `labels` (e.g. 'outcome="ok"'). */
export function total(samples: Scrape, name: string, ...labels: string[]): number {
  let sum = 0;
  for (const [key, value] of samples) {
    const bare = key.split("{")[0];
    if (bare === name && labels.every((label) => key.includes(label))) sum += value;
  }
  return sum;
}

/** Between two scrapes of a histogram: count, mean, and the bucket bound holding quantile q. */
export function histogramDelta(
  before: Scrape,
  after: Scrape,
  name: string,
  q: number,
  ...labels: string[]
): { count: number; mean: number; upperBound: number } {
  const delta = (metric: string, ...extra: string[]) =>
    total(after, metric, ...labels, ...extra) - total(before, metric, ...labels, ...extra);
  const count = delta(`${name}_count`);
  const mean = count === 0 ? Number.NaN : delta(`${name}_sum`) / count;
  const bounds = [
    ...new Set(
      [...after.keys()]
        .filter((key) => key.startsWith(`${name}_bucket{`) && labels.every((l) => key.includes(l)))
        .map((key) => /le="([^"]+)"/.exec(key)![1]!),
    ),
  ].sort((x, y) => Number(x.replace("+Inf", "Infinity")) - Number(y.replace("+Inf", "Infinity")));
  const bound = bounds.find((le) => delta(`${name}_bucket`, `le="${le}"`) >= q * count);
  const upperBound = bound === undefined ? Number.NaN : Number(bound.replace("+Inf", "Infinity"));
  return { count, mean, upperBound };
}
