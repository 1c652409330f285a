/** The machine's 1-, 5- and 15-minute load averages, printed next to every A/B figure. */
import { loadavg } from 'node:os';

export const loadAverages = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
