import { download } from './api';
import { $, closest, el } from './dom';

/** The bulletin (通报) links: fetched with the sign-in header, then handed to the browser as a file. */
export const wireBulletin = (fail: (err: unknown) => void): void => {
  $('downloads').addEventListener('click', async (event) => {
    const button = closest<HTMLButtonElement>(event, 'button[data-format]');
    if (!button) return;
    const format = button.dataset.format ?? '';
    try {
      const response = await download(`bulletin?format=${encodeURIComponent(format)}`);
      const named = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') || '');
      const link = el('a');
      link.href = URL.createObjectURL(await response.blob());
      link.download = named?.[1] ? decodeURIComponent(named[1]) : `bulletin.${format}`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (err) {
      fail(err);
    }
  });
};
