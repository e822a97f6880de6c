import { RULES, type RuleName } from '../config/incidents';
import { type Candidate, lockout, nasWide, newReason, type RuleInput, spike, storm } from './rules';
import { adminLogin, guessing, identityStore } from './rules-cause';

/** Every rule has its function: a rule name without one does not compile. */
const RULE_FNS: Record<RuleName, (x: RuleInput) => Candidate[]> = {
  storm,
  'identity-store': identityStore,
  guessing,
  'admin-login': adminLogin,
  'nas-wide': nasWide,
  'new-reason': newReason,
  spike,
  lockout,
};

/** What the switched-on rules find in this run, in the order of RULES. */
export const findAll = (x: RuleInput): Candidate[] =>
  RULES.filter((r) => x.settings.rules.has(r)).flatMap((r) => RULE_FNS[r](x));
