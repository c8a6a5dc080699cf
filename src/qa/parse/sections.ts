import { setAside, setAsideSpan } from './negation';
import { cut, type ParseContext, type ParsePass } from './state';

/** Words that end many section names and say nothing about which one: 生态环保类 is asked as 生态环保. */
const GENERIC_END = /(?:类|工作|方面|领域|板块|事项|任务|目标)$/u;

/**
 * A section of the table by name (民生实事里滞后的, 生态环保类的目标): the targets under
 * that section row. The table's own section names, whole or without a generic ending,
 * so a table without sections reads nothing here. Before units, so 民生 in 民生实事 is
 * no 民政 slip.
 */
export const createSectionsPass = (ctx: ParseContext): ParsePass => {
  const forms: { form: string; name: string }[] = [];
  for (const name of ctx.sections ?? []) {
    const norm = ctx.normalize(name).replace(/\s+/g, '');
    forms.push({ form: norm, name });
    const bare = norm.replace(GENERIC_END, '');
    if (bare !== norm && bare.length >= 2) forms.push({ form: bare, name });
  }
  forms.sort((a, b) => b.form.length - a.form.length);
  return {
    name: 'sections',
    run(s) {
      if (forms.length === 0) return;
      const found = new Set<string>();
      for (const { form, name } of forms) {
        const at = s.text.indexOf(form);
        if (at < 0) continue;
        // 不是民生实事的, 民生实事以外: the other sections' targets
        const aside = setAsideSpan(s.text, at, at + form.length);
        if (aside) {
          setAside(s, { sections: [name] });
          s.text = `${s.text.slice(0, aside.from)} ${s.text.slice(aside.to)}`;
          continue;
        }
        found.add(name);
        s.text = cut(s.text, form);
      }
      if (found.size > 0) s.query.sections = [...found];
    },
  };
};
