import { cut, type ParsePass } from './state';

/** The speaker's own unit or leader: 我们局, 咱单位, 本部门, 我们领导 (not 我市, the report's city). */
const OWN = /(?:我们|咱们|咱|我|本)(?:局|委|单位|部门)|(?:我们|咱们)的?(?:领导|分管领导)/u;

/**
 * 我们局 with no introduction before it (the speaker rewrite turns 我是科技局的…我们局
 * into the unit): which unit is meant is not known, so the question is asked
 * back instead of guessed or searched. After the rewrites, before the names.
 */
export const createOwnUnitPass = (): ParsePass => ({
  name: 'own unit',
  run(s) {
    const m = OWN.exec(s.text);
    if (!m) return;
    s.query.askWhich = { written: m[0], kind: /领导/.test(m[0]) ? 'leader' : 'unit' };
    s.text = cut(s.text, m[0]);
  },
});
