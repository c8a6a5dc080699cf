import { toHalfWidth } from '../text/normalize';

export interface UnitCell {
  lead: string[];
  cooperating: string[];
}

const LEAD_LABEL = /^(?:牵头|主责|责任)(?:单位|部门)?:/;
const COOP_LABEL = /^(?:配合|协办|参与|协助|协同)(?:单位|部门)?:/;
const LEAD_MARK = /\(?(?:牵头|主责)\)?$/;
const COOP_MARK = /\(?(?:等?(?:配合|协办|参与|协助|协同))\)?$/;

/**
 * Splits a units cell into its units, reading the roles some offices write
 * into the cell itself: 牵头单位：A；配合单位：B、C, A牵头，B、C配合, or
 * A（牵头）、B. Units without a mark lead, unless another unit in the cell is
 * marked as leading: then they are the cooperating ones (A（牵头）、B、C).
 *
 * @example splitUnits('市发展改革委牵头，市财政局、市工业和信息化局配合')
 *   → { lead: ['市发展改革委'], cooperating: ['市财政局', '市工业和信息化局'] }
 */
export const splitUnits = (cell: string): UnitCell => {
  if (!/牵头|主责|配合|协办|参与|协助|协同|:|：/.test(cell)) return { lead: split(cell), cooperating: [] };
  const marked: { unit: string; role: 'lead' | 'cooperating' | undefined }[] = [];
  for (const rawClause of toHalfWidth(cell).split(/[,;。\n，；]+/)) {
    let clause = rawClause.trim();
    let clauseRole: 'lead' | 'cooperating' | undefined;
    if (LEAD_LABEL.test(clause)) clauseRole = 'lead';
    else if (COOP_LABEL.test(clause)) clauseRole = 'cooperating';
    clause = clause.replace(LEAD_LABEL, '').replace(COOP_LABEL, '');
    if (!clauseRole && /[^(]牵头$|^牵头$/.test(clause)) clauseRole = 'lead';
    else if (!clauseRole && /[^(](?:等)?(?:配合|协办|参与|协助|协同)$/.test(clause)) clauseRole = 'cooperating';
    if (clauseRole) clause = clause.replace(clauseRole === 'lead' ? LEAD_MARK : COOP_MARK, '');
    for (const token of split(clause)) {
      if (LEAD_MARK.test(token) && token.replace(LEAD_MARK, '')) marked.push({ unit: token.replace(LEAD_MARK, ''), role: 'lead' });
      else if (COOP_MARK.test(token) && token.replace(COOP_MARK, '')) marked.push({ unit: token.replace(COOP_MARK, ''), role: 'cooperating' });
      else marked.push({ unit: token, role: clauseRole });
    }
  }
  const anyLead = marked.some((m) => m.role === 'lead');
  const lead: string[] = [];
  const cooperating: string[] = [];
  for (const { unit, role } of marked) {
    const name = unit.replace(/等$/, '');
    if (!name) continue;
    const list = (role ?? (anyLead ? 'cooperating' : 'lead')) === 'lead' ? lead : cooperating;
    if (!list.includes(name)) list.push(name);
  }
  return { lead, cooperating };
};

/** One cell's units: split on spaces, 、 and the usual separators. */
export const split = (cell: string): string[] => cell.split(/[\s、，,;；。]+/).filter(Boolean);
