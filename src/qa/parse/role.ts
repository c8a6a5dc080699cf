import type { UnitRole } from '../../model';
import { cut, type ParsePass } from './state';

const ROLE_WORDS: readonly { word: string; role: UnitRole }[] = Object.freeze([
  { word: '牵头', role: 'lead' },
  { word: '主责', role: 'lead' },
  { word: '主办', role: 'lead' },
  { word: '配合', role: 'cooperating' },
  { word: '协办', role: 'cooperating' },
  { word: '协助', role: 'cooperating' },
  { word: '协同', role: 'cooperating' },
]);

/**
 * A role taken in beside the unit's own, not instead of it: 包括配合的, 含配合, 牵头加配合, 配合的也算, 连配合的一起.
 * The words of inclusion (包括, 含, 加上, 也算, 在内) make the role one more part, so every part is asked for.
 */
const INCLUDED = /(?:包括|包含|含|连同|连|加上|加|算上|带上)(?:其|它|他们)?(?:的)?(?:牵头|配合|协办|协助)|(?:牵头|配合|协办|协助)(?:的|单位)?(?:也算|也要|都算|都要|一起算|算在内|在内|也包括|也列)/u;

/** Words of doing something together, which make 配合 or 协同 after them mean that and name no role. */
const JOINTLY = '(?:一起|一块儿?|一同|共同|相互|互相)';

/** The role a word names (牵头 → lead), if it names one: 参与 and 负责 name any part. */
export const roleNamed = (word: string): UnitRole | undefined => ROLE_WORDS.find((r) => word.includes(r.word))?.role;

/**
 * 市财政局牵头的 / 市财政局配合的: a unit's role, after the units pass (only a
 * named unit has a role) and before fillers, which would drop 牵头 as noise.
 * Both roles named (配合单位还是牵头单位我不管), either beside 参与 (牵头或者参与的,
 * 参与的全部目标，含配合的) or taken in beside the unit's own (包括配合的), ask for every part: no role.
 */
export const createRolePass = (): ParsePass => ({
  name: 'role',
  run(s) {
    if (s.units.size === 0) {
      const roles = new Set(ROLE_WORDS.filter(({ word }) => s.text.includes(word)).map((r) => r.role));
      if (roles.size === 1 && !/参与|参加/u.test(s.text) && !INCLUDED.test(s.text.replace(/\s+/g, ''))) s.pendingRole = [...roles][0];
      return;
    }
    // 参与 is any part in a target, leading or not: the unit's targets, so the word is only cut
    const any = /参与|参加/u.test(s.text) || INCLUDED.test(s.text.replace(/\s+/g, ''));
    s.text = cut(cut(s.text, '参与'), '参加');
    const named = new Set<UnitRole>();
    for (const { word, role } of ROLE_WORDS) {
      if (!s.text.includes(word)) continue;
      s.text = cut(s.text, word);
      // 跟别的单位一起配合: working together, not the part of the one that helps
      if (!new RegExp(`${JOINTLY}${word}`, 'u').test(s.compact)) named.add(role);
    }
    if (named.size === 1 && !any) s.query.role ??= [...named][0];
  },
});

/** A role said before the unit, which a later pass resolved loosely (发改局牵头的): applied once a unit is named. */
export const createPendingRolePass = (): ParsePass => ({
  name: 'pending role',
  run(s) {
    if (s.pendingRole && s.units.size > 0) s.query.role ??= s.pendingRole;
  },
});
