import {
  checkDivisionCode,
  checkEmail,
  checkIdCard,
  checkLandline,
  checkMobile,
  checkOrgCode,
  checkUscc,
  checkUsccCore,
  checkUsccOrgCode,
  divisionName,
  idCardCheckChar,
  idNumberKind,
  IdProblem,
  orgCodeCheckChar,
  usccCheckChar,
} from './index';

const code = (p: IdProblem | null): string | null => (p ? p.code : null);
const TODAY = new Date(2024, 0, 1);
const idCard = (v: string, today: Date = TODAY) => checkIdCard(v, today);

describe('居民身份证号码 GB 11643-1999', () => {
  test('standard example 11010519491231002X is valid, upper or lower case x', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X');
    expect(idCard('11010519491231002X')).toBeNull();
    expect(idCard('11010519491231002x')).toBeNull();
    expect(idCard(' 11010519491231002X ')).toBeNull();
  });

  test('other computed valid numbers, including a leap day', () => {
    expect(idCard('340202198001010015')).toBeNull();
    expect(idCard('34020219800101004X')).toBeNull();
    expect(idCard('340202200002290012')).toBeNull(); // 2000 is a leap year
  });

  test('standard example 440524188001010014 (born 1880) is valid', () => {
    expect(idCardCheckChar('44052418800101001')).toBe('4');
    expect(idCard('440524188001010014')).toBeNull();
  });

  test('a birth year before 1800 is refused as birthdate', () => {
    const first17 = '44052417990101001';
    const p = idCard(first17 + idCardCheckChar(first17));
    expect(code(p)).toBe('birthdate');
    expect(p!.message).toContain('早于 1800 年');
  });

  test('wrong check character names expected and actual', () => {
    expect(idCard('110105194912310025')).toEqual({
      code: 'checksum',
      message: '身份证号校验位应为“X”，实际为“5”，请核对号码',
    });
  });

  test('one changed digit fails the checksum', () => {
    const p = idCard('11010519491231003X');
    expect(code(p)).toBe('checksum');
    expect(p!.message).toContain('应为“8”');
  });

  test('birth dates: impossible, not leap, future, today', () => {
    const p = idCard('110105194902310026');
    expect(code(p)).toBe('birthdate');
    expect(p!.message).toContain('19490231');
    expect(code(idCard('340202190002290016'))).toBe('birthdate'); // 1900 is not a leap year
    expect(code(idCard('110105194913010026'))).toBe('birthdate'); // month 13
    expect(code(idCard('11010519491231002X', new Date(1949, 11, 30)))).toBe('birthdate');
    expect(idCard('11010519491231002X', new Date(1949, 11, 31))).toBeNull();
    expect(checkIdCard('11010519491231002X')).toBeNull(); // default today
    expect(code(checkIdCard('110105209912310020'))).toBe('birthdate');
  });

  test('region: first two digits must be a province code', () => {
    const p = idCard('77010519491231002X');
    expect(code(p)).toBe('region');
    expect(p!.message).toBe('身份证号前两位“77”不是有效的省级行政区划代码，请核对号码');
    expect(code(idCard('00010519491231002X'))).toBe('region');
  });

  test('台湾 71, 香港 81, 澳门 82 are accepted region codes', () => {
    for (const prefix of ['71', '81', '82']) {
      const first17 = prefix + '000019800101001';
      expect(idCard(first17 + idCardCheckChar(first17))).toBeNull();
    }
  });
});

/** A valid number from its first 17 digits, and the same with a wrong check character. */
const withCheck = (first17: string) => first17 + idCardCheckChar(first17);
const wrongCheck = (first17: string) => first17 + (idCardCheckChar(first17) === '1' ? '2' : '1');

// Published examples: 810000199408230021 (a 香港 resident born 1994-08-23, in write-ups of the
// residence-permit numbering) and 932682198501010017 (受理地 江苏 32, nationality 682, born
// 1985-01-01, quoted from the 2023 适配性改造要点); the others are computed.
describe.each([
  ['hkMacao', '810000199408230021', ['81000019900101002', '82000019751231003']],
  ['taiwan', withCheck('83000019880229004'), ['83000019880229004', '83000020010615001']],
  ['foreign', '932682198501010017', ['91184019700304001', '93112419991231002', '94441020000229003', '95039220100101005']],
] as const)('%s numbers', (kind, example, computed) => {
  test(`${example} is valid and read as ${kind}`, () => {
    expect(idNumberKind(example)).toBe(kind);
    expect(idCard(example)).toBeNull();
  });

  test('numbers with the right check character pass, with the wrong one they fail', () => {
    for (const first17 of computed) {
      expect(idNumberKind(first17 + '0')).toBe(kind);
      expect(idCard(withCheck(first17))).toBeNull();
      expect(code(idCard(wrongCheck(first17)))).toBe('checksum');
    }
  });
});

describe('港澳台居民居住证 (公民身份号码 with address code 810000 / 820000 / 830000)', () => {

  test('a wrong check character names the document', () => {
    expect(idCard(wrongCheck('82000019751231003'))!.message).toMatch(/^港澳居民居住证号码校验位应为“.”，实际为“.”，请核对号码$/);
    expect(idCard(wrongCheck('83000019880229004'))).toMatchObject({ code: 'checksum', message: expect.stringMatching(/^台湾居民居住证号码校验位应为/) });
  });

  test('the address code is the region’s only: 83 followed by anything but 0000 is refused', () => {
    const p = idCard(withCheck('83010219880229004'));
    expect(code(p)).toBe('region');
    expect(p!.message).toContain('“830000”');
    expect(idCard(withCheck('81010119900101002'))!.message).toContain('“810000”（香港）或“820000”（澳门）');
  });

  test('the birth date is checked as on a 身份证', () => {
    expect(idCard(withCheck('83000019880230004'))).toMatchObject({ code: 'birthdate', message: expect.stringMatching(/^台湾居民居住证号码中的出生日期“19880230”不是有效日期/) });
  });
});

describe('外国人永久居留身份证, 2023 edition (9 + province + nationality + birth date + sequence + check)', () => {
  test('an X check character is accepted, in either case', () => {
    const x = ['91184019700304', '93115619991231', '94441020000229'].flatMap((head) => Array.from({ length: 1000 }, (_, n) => head + String(n).padStart(3, '0'))).find((f) => idCardCheckChar(f) === 'X')!;
    expect(idCard(x + 'X')).toBeNull();
    expect(idCard(x + 'x')).toBeNull();
  });

  test('a wrong check character names the document', () => {
    expect(idCard('932682198501010018')).toEqual({ code: 'checksum', message: '外国人永久居留身份证号码校验位应为“7”，实际为“8”，请核对号码' });
  });

  test('digits 2–3 must be the province where it was applied for', () => {
    const p = idCard(withCheck('99084019700304001'));
    expect(code(p)).toBe('region');
    expect(p!.message).toBe('外国人永久居留身份证号码第 2–3 位“90”应为受理地的省级行政区划代码，请核对号码');
  });

  test('the birth date sits where a 身份证’s does', () => {
    expect(code(idCard(withCheck('93268219850132001')))).toBe('birthdate');
    expect(code(idCard(withCheck('93268220990101001')))).toBe('birthdate'); // after TODAY
  });

  test('a 15-digit number starting with 9 is not a legacy 身份证', () => {
    expect(code(idCard('990105491231002'))).toBe('region');
  });
});

describe('居民身份证号码: format and first-generation numbers', () => {

  test('format: length, characters, full-width, spaces', () => {
    expect(code(idCard('11010519491231002'))).toBe('format');
    expect(code(idCard('11010519491231002X1'))).toBe('format');
    expect(idCard('1101051949123100')!.message).toContain('实际为 16 位');
    expect(code(idCard('1101051949123100AX'))).toBe('format');
    expect(code(idCard('1101051949123100X2'))).toBe('format');
    expect(code(idCard('11010519491231002Y'))).toBe('format');
    expect(code(idCard('110105 19491231002X'))).toBe('format');
    expect(code(idCard(''))).toBe('format');
    const fw = idCard('１１０１０５１９４９１２３１００２Ｘ');
    expect(code(fw)).toBe('format');
    expect(fw!.message).toContain('全角');
    expect(code(idCard('11010519491231002Ｘ'))).toBe('format');
  });

  test('15-digit first-generation numbers: legacy15 with the converted number', () => {
    const p = idCard('110105491231002');
    expect(code(p)).toBe('legacy15');
    expect(p!.message).toContain('11010519491231002X');
    expect(idCard('340202800101001')!.message).toContain('340202198001010015');
    expect(code(idCard('110105490231002'))).toBe('birthdate');
    expect(code(idCard('990105491231002'))).toBe('region');
    expect(code(idCard('11010549123100X'))).toBe('format');
  });

  test('idCardCheckChar rejects bad input', () => {
    expect(() => idCardCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idCardCheckChar('1101051949123100A')).toThrow(RangeError);
  });
});

describe('统一社会信用代码 GB 32100-2015', () => {
  test('standard example 91350100M000100Y43 is valid', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(checkUscc('91350100M000100Y43')).toBeNull();
    expect(checkUscc('91350100m000100y43')).toBeNull();
    expect(checkUscc('  91350100M000100Y43 ')).toBeNull();
  });

  test('computed valid codes, including check value 0 and an X', () => {
    expect(checkUscc('91340200MA2N00001X')).toBeNull();
    expect(usccCheckChar('91340200MA2N00105')).toBe('0');
    expect(checkUsccCore('91340200MA2N001050')).toBeNull();
  });

  test('wrong check character', () => {
    const p = checkUscc('91350100M000100Y44');
    expect(p).toEqual({ code: 'checksum', message: '统一社会信用代码校验位应为“3”，实际为“4”，请核对代码' });
  });

  test('one changed character fails the checksum', () => {
    expect(code(checkUscc('91350100M000200Y43'))).toBe('checksum');
    expect(code(checkUscc('92350100M000100Y43'))).toBe('checksum');
  });

  test('forbidden letters I O Z S V', () => {
    expect(checkUscc('91350100O000100Y43')).toEqual({
      code: 'charset',
      message: '统一社会信用代码不使用字母 I、O、Z、S、V，第 9 位为“O”，请核对是否误把数字 0 写成字母 O',
    });
    expect(code(checkUscc('91350100M000100I43'))).toBe('charset');
    expect(checkUscc('91350100M000100I43')!.message).toContain('第 16 位为“I”');
    expect(code(checkUscc('91350100MZ00100Y43'))).toBe('charset');
    expect(code(checkUscc('91350100MS00100Y43'))).toBe('charset');
    expect(code(checkUscc('91350100MV00100Y43'))).toBe('charset');
    expect(code(checkUscc('91350100o000100Y43'))).toBe('charset'); // lower case too
  });

  test('format: length, characters, full-width, division digits', () => {
    expect(code(checkUscc('91350100M000100Y4'))).toBe('format');
    expect(checkUscc('91350100M000100Y4')!.message).toContain('实际为 17 位');
    expect(code(checkUscc('91350100M000100Y433'))).toBe('format');
    expect(code(checkUscc('91350100M000100Y4-'))).toBe('format');
    expect(code(checkUscc('９1350100M000100Y43'))).toBe('format');
    expect(checkUscc('９1350100M000100Y43')!.message).toContain('全角');
    expect(code(checkUscc('9135A100M000100Y43'))).toBe('format'); // positions 3–8 are digits
    expect(code(checkUscc(''))).toBe('format');
  });

  test('embedded organisation code with a wrong check char is reported separately', () => {
    // Overall check char recomputed so only the embedded GB 11714 check char is wrong.
    const v = '91350100M000100Y56';
    expect(checkUsccCore(v)).toBeNull();
    expect(code(checkUsccOrgCode(v))).toBe('orgcode');
    const p = checkUscc(v);
    expect(code(p)).toBe('orgcode');
    expect(p!.message).toContain('应为“4”');
    expect(checkUsccOrgCode('91350100M000100Y43')).toBeNull();
  });

  test('usccCheckChar rejects bad input', () => {
    expect(() => usccCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100O000100Y4')).toThrow(RangeError);
  });
});

describe('组织机构代码 GB 11714-1997', () => {
  test('standard example D2143569-X (check 10 written X), with or without hyphen', () => {
    expect(orgCodeCheckChar('D2143569')).toBe('X');
    expect(checkOrgCode('D2143569-X')).toBeNull();
    expect(checkOrgCode('D2143569X')).toBeNull();
    expect(checkOrgCode('d2143569-x')).toBeNull();
  });

  test('computed valid codes, including check 11 written 0', () => {
    expect(orgCodeCheckChar('12345678')).toBe('8');
    expect(checkOrgCode('12345678-8')).toBeNull();
    expect(orgCodeCheckChar('10000004')).toBe('0');
    expect(checkOrgCode('100000040')).toBeNull();
    expect(checkOrgCode('M000100Y-4')).toBeNull(); // the one inside 91350100M000100Y43
  });

  test('wrong check char and one changed character', () => {
    expect(checkOrgCode('D2143569-1')).toEqual({
      code: 'checksum',
      message: '组织机构代码校验码应为“X”，实际为“1”，请核对代码',
    });
    expect(code(checkOrgCode('12345679-8'))).toBe('checksum');
  });

  test('format', () => {
    expect(code(checkOrgCode('D214356-X'))).toBe('format');
    expect(code(checkOrgCode('D214356-9X'))).toBe('format');
    expect(code(checkOrgCode('D21435691X'))).toBe('format');
    expect(code(checkOrgCode('D2143569-'))).toBe('format');
    expect(code(checkOrgCode('D2143569-Y'))).toBe('format');
    expect(code(checkOrgCode('D21435*9-X'))).toBe('format');
    const fw = checkOrgCode('D2143569－X');
    expect(code(fw)).toBe('format');
    expect(fw!.message).toContain('全角');
  });

  test('orgCodeCheckChar rejects bad input', () => {
    expect(() => orgCodeCheckChar('D214356')).toThrow(RangeError);
    expect(() => orgCodeCheckChar('D214356*')).toThrow(RangeError);
  });
});

describe('行政区划代码 GB/T 2260', () => {
  test('province, city and county levels exist', () => {
    expect(checkDivisionCode('110101')).toBeNull();
    expect(checkDivisionCode('340202')).toBeNull();
    expect(checkDivisionCode('340200')).toBeNull();
    expect(checkDivisionCode('340000')).toBeNull();
    expect(checkDivisionCode('110100')).toBeNull(); // municipal 市辖区, supplemented
    expect(divisionName('340202')).toBe('镜湖区');
    expect(divisionName('340200')).toBe('芜湖市');
    expect(divisionName('340000')).toBe('安徽省');
    expect(divisionName('349999')).toBeNull();
  });

  test('unknown codes', () => {
    const p = checkDivisionCode('349999');
    expect(code(p)).toBe('unknown');
    expect(p!.message).toContain('安徽省');
    expect(code(checkDivisionCode('990000'))).toBe('unknown');
    expect(code(checkDivisionCode('340203'))).toBe('unknown'); // one changed digit
  });

  test('format', () => {
    expect(code(checkDivisionCode('34020'))).toBe('format');
    expect(code(checkDivisionCode('3402020'))).toBe('format');
    expect(checkDivisionCode('340202001000')!.message).toContain('“340202”');
    expect(code(checkDivisionCode('３40202'))).toBe('format');
    expect(code(checkDivisionCode('34020A'))).toBe('format');
    expect(code(checkDivisionCode(''))).toBe('format');
  });
});

describe('手机号', () => {
  test.each(['13800138000', '19912345678', '138 0013 8000', '138-0013-8000', '+86-13800138000', '+86 13800138000', '8613800138000', '008613800138000'])(
    'accepts %s',
    (v) => expect(checkMobile(v)).toBeNull(),
  );

  test.each(['12800138000', '1380013800', '138001380000', '１３800138000', '1380013800a', '13800138000、13900139000', '138  0013 8000', '0553-1234567', ''])(
    'rejects %s as format',
    (v) => expect(code(checkMobile(v))).toBe('format'),
  );

  test('messages say what is wrong', () => {
    expect(checkMobile('1380013800')!.message).toContain('实际为 10 位');
    expect(checkMobile('12800138000')!.message).toContain('13–19');
    expect(checkMobile('１３800138000')!.message).toContain('全角');
  });
});

describe('办公电话', () => {
  test.each([
    '0553-1234567',
    '(0553)1234567',
    '(0553)-1234567',
    '（0553）1234567',
    '0553 1234567',
    '05531234567',
    '010-12345678',
    '01012345678',
    '1234567',
    '12345678',
    '0553-1234567-123',
    '0553-1234567转123',
    '0553-1234567 ext.123',
    '13800138000',
    '+86 138 0013 8000',
  ])('accepts %s', (v) => expect(checkLandline(v)).toBeNull());

  test.each(['0666-1234567', '(0666)1234567', '06661234567', '0000-1234567'])(
    'unknown area code %s',
    (v) => expect(code(checkLandline(v))).toBe('area'),
  );

  test.each(['0553-123456', '0553-123456789', '0553-0234567', '123456', '0553-０234567', '0553-1234567、0553-7654321', 'abc', '', '400-800-1234'])(
    'rejects %s as format',
    (v) => expect(code(checkLandline(v))).toBe('format'),
  );

  test('messages say what is wrong', () => {
    expect(checkLandline('0666-1234567')!.message).toContain('“0666”');
    expect(checkLandline('0553-123456')!.message).toContain('7–8 位');
    expect(checkLandline('0553-０234567')!.message).toContain('全角');
  });
});

describe('电子邮箱', () => {
  test.each(['zhang.san@wuhu.gov.cn', 'a_b-c+tag@mail.example.com', 'x@qq.com', ' x@qq.com '])('accepts %s', (v) =>
    expect(checkEmail(v)).toBeNull(),
  );

  test.each(['zhangwuhu.gov.cn', 'zhang san@wuhu.gov.cn', 'zhang@wuhu', 'zhang@wuhu..cn', '.a@b.cn', 'a@-b.cn', 'a@b.c', '张三@wuhu.gov.cn', 'a@b.com;c@d.com', 'zhang@wuhu。gov。cn', '@wuhu.gov.cn', 'zhang@', ''])(
    'rejects %s as format',
    (v) => expect(code(checkEmail(v))).toBe('format'),
  );

  test('full-width ＠ is named in the message', () => {
    const p = checkEmail('zhang＠wuhu.gov.cn');
    expect(code(p)).toBe('format');
    expect(p!.message).toContain('＠');
    expect(p!.message).toContain('全角');
  });
});
