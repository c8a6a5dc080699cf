import type { UnitGroup } from '../answer';
import { cutFilter } from './negation';
import type { ParseContext, ParsePass } from './state';

/**
 * Kinds of unit a question names as a group, for any table: the words people use, and how the table's
 * own unit names show the kind. A group is the units of that kind the loaded table has; a kind the table
 * has none of is no group, and its words are left to the other passes.
 */
const GROUPS: readonly { kind: UnitGroup['kind']; words: RegExp; unit: RegExp }[] = [
  {
    // 县区政府, 各县区, 县区人民政府, 区县政府, 县里: the county and district governments (单县人民政府, 定陶区人民政府)
    kind: 'counties',
    words: /(?:各)?(?:县市区|县区|区县|市县)(?:人民)?(?:政府)?|(?:各)?(?:县|区)(?:人民)?政府|县里/u,
    unit: /(?:县|区|市|旗)人民政府$|^各(?:县市区|县区|区县|县|区)/u,
  },
  {
    // 乡镇, 街道, 镇街: the towns and street offices (龙泉镇人民政府, 东关街道办事处, 各街道)
    kind: 'towns',
    words: /(?:各)?(?:乡镇|镇街|街镇|街道)(?:人民政府|政府|办事处)?/u,
    unit: /(?:镇|乡)人民政府|街道办事处$|街道$|乡镇/u,
  },
  {
    // 市属国企, 国有企业, 平台公司: the state-owned companies the table names (城投控股, 财金集团, 建投集团)
    kind: 'enterprises',
    words: /(?:市属|县属|区属|地方)?(?:国有企业|国有公司|国企|平台公司|融资平台|投融资平台)|(?:市属|县属|区属)企业/u,
    unit: /(?:集团|控股|公司|投资|投控)$/u,
  },
];

/** What may follow a group's words: its part in a target, a joiner, a particle, or nothing (乡镇卫生院 is a topic, not the towns). */
const AFTER_GROUP = /^(?:\s|$|的|参与|参加|负责|牵头|配合|作为|一起|一块|共同|联合|有|都|也|和|跟|与|、|及)/u;
/** Characters that may stand right before a group's short form (县政府): otherwise it ends a place's name (定陶县政府). */
const BEFORE_SHORT = /(?:^|[^\p{Script=Han}]|[的和跟与同及有是由在让把给下些各])$/u;
/** The short forms, one level alone: 县政府, 区人民政府. */
const SHORT = /^(?:县|区)(?:人民)?政府$/u;
/** A demonstrative right before a group's words (这几个, 这两家, 上面这些, 以上): the units said before it. */
const POINTING_BACK = /(?:这|那|上面|以上|上述|前面)(?:这|那)?(?:几|两|三|四|五|六|些)?(?:个|家|位)?\s*$/u;
/** A joiner before a group, taken with it so 除了跟县区政府一起的 sets the group aside. */
const JOINER_BEFORE = /(?:跟|和|与|同)$/u;

/**
 * A group of units (县区政府参与的, 和县区政府一块负责的, 王昌华分管的目标里有县区政府参与的吗):
 * one more unit for the filters, whose targets are those of any unit of the kind. After the units
 * pass, so a unit the table names as a group itself (各县区人民政府, 各乡镇) is that unit.
 */
export const createUnitGroupsPass = (ctx: ParseContext): ParsePass => {
  const city = ctx.normalize(ctx.city ?? '').replace(/\s+/g, '');
  const groups = GROUPS.map((g) => ({ ...g, units: ctx.units.names.filter((u) => g.unit.test(ctx.normalize(u)) && !(city && ctx.normalize(u).startsWith(city))) })).filter((g) => g.units.length > 0);
  return {
    name: 'unit groups',
    run(s) {
      for (const g of groups) {
        const m = g.words.exec(s.text);
        if (!m || !AFTER_GROUP.test(s.text.slice(m.index + m[0].length))) continue;
        if (SHORT.test(m[0]) && !BEFORE_SHORT.test(s.text.slice(0, m.index))) continue;
        // 单县和曹县，还有东明县，这几个县政府: the group's words point back at the units just named, they add none
        // (read in the question as written: the pointer pass has taken 这几个 already)
        const at = s.cleaned.indexOf(m[0]);
        if (at >= 0 && POINTING_BACK.test(s.cleaned.slice(0, at)) && g.units.some((u) => s.units.has(u))) {
          s.text = `${s.text.slice(0, m.index)} ${s.text.slice(m.index + m[0].length)}`;
          continue;
        }
        const joiner = JOINER_BEFORE.exec(s.text.slice(0, m.index))?.[0] ?? '';
        const group: UnitGroup = { kind: g.kind, units: g.units };
        const written = m[0];
        // 除了跟县区政府一起的, 县区政府以外的: every target but the group's
        if (cutFilter(s, m.index - joiner.length, m.index + written.length, { group })) continue;
        s.query.group = group;
        s.mentions.push({ written, kind: 'unit' });
      }
    },
  };
};
