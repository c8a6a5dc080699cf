import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPARTMENTS_FILE, loadDepartments } from '../../src/qa/departments';

describe('departments file', () => {
  it('ships the usual departments, each with names and core words', () => {
    const list = loadDepartments();
    expect(list.length).toBeGreaterThan(40);
    expect(list.find((d) => d.names.includes('审计局'))?.core).toEqual(['审计']);
    expect(loadDepartments(DEPARTMENTS_FILE)).toBe(list);
  });

  it('names the file and the key of a broken entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'departments-'));
    const bad = join(dir, 'departments.json');
    writeFileSync(bad, JSON.stringify({ departments: [{ names: ['审计局'], core: [] }] }));
    expect(() => loadDepartments(bad)).toThrow(`${bad}: departments.0.core`);
    writeFileSync(bad, '{ not json');
    expect(() => loadDepartments(bad)).toThrow(`${bad}: cannot read departments`);
  });
});
