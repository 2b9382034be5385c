import { headerKey } from './text';

/**
 * What an information item holds, read from its name: which identifier check applies, and
 * whether it marks rows about natural or legal persons (seed 004 art. 16, 21).
 * Order matters: the first pattern that matches wins.
 */
export type ItemRole =
  | 'idcard' | 'certNumber' | 'certType' | 'personName'
  | 'uscc' | 'regNo' | 'orgcode' | 'orgName'
  | 'division' | 'mobile' | 'email';

const ROLE_PATTERNS: ReadonlyArray<readonly [ItemRole, RegExp]> = [
  ['idcard', /^(居民)?(身份证|身份证件|公民身份)(号|号码|编号)$|^身份证$/],
  ['certType', /^(身份)?证件(类型|种类)$/],
  // Not 证件编号: seed 000 uses it for the number of a work permit, not an identity document.
  ['certNumber', /^(身份)?证件(号|号码)$/],
  ['personName', /^(姓名|人员姓名|自然人姓名)$/],
  ['uscc', /统一社会信用代码/],
  ['regNo', /^(企业)?(注册号|工商注册号)$/],
  ['orgcode', /组织机构代码/],
  ['orgName', /^(企业|单位|机构|法人|组织)(名称)$|^法人单位名称$/],
  ['division', /^(行政)?区划(代码|编码)$/],
  ['mobile', /^(手机|手机号|手机号码|移动电话|联系手机)$/],
  ['email', /^(电子)?(邮箱|邮件|邮件地址|电子邮箱)$|^e-?mail$/],
];

const roles = new Map<string, ItemRole | null>();

export function itemRole(name: string): ItemRole | null {
  let role = roles.get(name);
  if (role === undefined) {
    const key = headerKey(name);
    role = ROLE_PATTERNS.find(([, re]) => re.test(key))?.[0] ?? null;
    // Item names repeat across rows and submissions; the table stays small in practice.
    if (roles.size < 10_000) roles.set(name, role);
  }
  return role;
}

export interface PersonKinds {
  natural: boolean;
  legal: boolean;
}

/** Rows about natural persons carry a name or an identity number; about legal persons, an organisation's name or code. */
export function personKinds(roles: ReadonlyArray<ItemRole | null>): PersonKinds {
  return {
    natural: roles.some((r) => r === 'personName' || r === 'idcard' || r === 'certNumber'),
    legal: roles.some((r) => r === 'orgName' || r === 'uscc' || r === 'regNo' || r === 'orgcode'),
  };
}

/** Which of 姓名 / 证件类型 / 证件号码 are missing; a 身份证号 item is a number whose type goes without saying. */
export function missingPersonItems(roles: ReadonlyArray<ItemRole | null>): string[] {
  const has = (r: ItemRole) => roles.includes(r);
  const missing: string[] = [];
  if (!has('personName')) missing.push('姓名');
  if (!has('idcard')) {
    if (!has('certType')) missing.push('证件类型');
    if (!has('certNumber')) missing.push('证件号码');
  }
  return missing;
}

export function hasLegalPersonCode(roles: ReadonlyArray<ItemRole | null>): boolean {
  return roles.includes('uscc') || roles.includes('regNo');
}
