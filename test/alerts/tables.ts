import { seedBytes, seedLines } from '../helpers/seed';

/** Edits of the seed table, for building the "next quarter" a test imports. */
export interface SeedEdits {
  /** 序号 whose first row flips to 否 */
  lagging?: string[];
  /** 序号 whose every row flips to 是 */
  recovered?: string[];
  /** new progress text for the first row of a 序号 */
  progress?: Record<string, string>;
  /** whole data lines appended (new targets) */
  add?: string[];
  /** 序号 dropped from the table */
  remove?: string[];
}

const ON_SCHEDULE = 5;
const PROGRESS = 4;

/** The seed table with some targets changed, as file bytes (UTF-8 TSV, like the seed). */
export const editedSeed = (edits: SeedEdits): Buffer => {
  const lines = seedLines();
  const header = lines.findIndex((l) => l.startsWith('序号\t'));
  const firstRowSeen = new Set<string>();
  const out: string[] = [];
  lines.forEach((line, index) => {
    if (index <= header || line.trim() === '') {
      out.push(line);
      return;
    }
    const cells = line.split('\t');
    const id = cells[0]!;
    const first = !firstRowSeen.has(id);
    firstRowSeen.add(id);
    if (edits.remove?.includes(id)) return;
    if (first && edits.lagging?.includes(id)) cells[ON_SCHEDULE] = '否';
    if (edits.recovered?.includes(id)) cells[ON_SCHEDULE] = '是';
    if (first && edits.progress?.[id] !== undefined) cells[PROGRESS] = edits.progress[id]!;
    out.push(cells.join('\t'));
  });
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  out.push(...(edits.add ?? []));
  return Buffer.from(`${out.join('\n')}\n`, 'utf8');
};

/** A new target line in the seed's columns. */
export const newTargetLine = (id: string, leader: string, text: string, onSchedule: '是' | '否', units: string, deadline = '年底'): string =>
  [id, leader, text, deadline, `${text}，正在推进`, onSchedule, units].join('\t');

export { seedBytes };
