import type { ColumnMapping } from '../../import/upload';
import type { ErrorAnswer } from '../api';
import { api, ApiError } from './api';
import { $, el } from './dom';
import { fill, W } from './words';

type Mapping = NonNullable<ErrorAnswer['mapping']>;

/**
 * Admins' upload: the table goes to the same use case as the chat's. A table whose header lacks columns
 * gets one select per missing column, over the header's cells; the answers go with the same file as
 * X-Columns, and the server remembers them once the table imports. `imported` reloads the page's data.
 */
export const wireUpload = (imported: () => Promise<void>): void => {
  const askColumns = (file: File, mapping: Mapping): void => {
    const form = $<HTMLFormElement>('upload-mapping');
    const selects = mapping.missing.map((column) => {
      const label = el('label', 'mapping-row', fill(W.whichColumn, { column }));
      const select = el('select');
      select.dataset.column = column;
      const head = el('option', '', W.choose);
      head.value = '';
      select.append(head);
      for (const cell of mapping.cells) {
        const option = el('option', '', cell);
        option.value = cell;
        select.append(option);
      }
      label.append(select);
      return { label, select };
    });
    const submit = el('button', '', W.importMapped);
    submit.type = 'submit';
    form.replaceChildren(...selects.map((s) => s.label), submit);
    form.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      if (selects.some((s) => !s.select.value)) return;
      const chosen: Record<string, string> = { ...mapping.chosen };
      for (const { select } of selects) chosen[select.value] = select.dataset.column ?? '';
      void upload(file, chosen);
    };
  };

  const upload = async (file: File, columns?: ColumnMapping): Promise<void> => {
    const out = $('upload-result');
    $('upload-mapping').hidden = true;
    out.hidden = false;
    out.textContent = W.importing;
    const headers: Record<string, string> = { 'X-File-Name': encodeURIComponent(file.name), ...(columns ? { 'X-Columns': encodeURIComponent(JSON.stringify(columns)) } : {}) };
    try {
      const result = await api('upload', {}, { method: 'POST', headers, body: file });
      out.textContent = result.summary;
      await imported();
    } catch (err) {
      out.textContent = err instanceof Error ? err.message : W.failed;
      if (err instanceof ApiError && err.body.mapping) askColumns(file, err.body.mapping);
    }
  };

  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const file = $<HTMLInputElement>('upload-file').files?.[0];
    if (file) void upload(file);
  });
};
