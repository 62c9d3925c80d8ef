import { describe, expect, it } from 'vitest';
import { columnMappingSchema, detectMapping, headerKey, nearestHeader } from './mapping.js';
import { getPreset } from './rules/presets.js';
import { parseRuleSet } from './rules/schema.js';

const preset = getPreset('mentor-match');
/** Reads `match with similar identity`, which the reference preset (like the reference) never reads. */
const adjusted = getPreset('mentor-match-adjusted');

describe('detectMapping', () => {
  it('maps the reference system headers for mentees', () => {
    const header = [
      'first name',
      'last name',
      'email address',
      'both mentor and mentee',
      'job title',
      'grade',
      'organisation',
      'profession',
      'match with similar identity',
      'identity to match',
      'biography',
    ];
    const reference = {
      firstName: 'first name',
      lastName: 'last name',
      email: 'email address',
      jobTitle: 'job title',
      bio: 'biography',
      grade: 'grade',
      organisation: 'organisation',
      profession: 'profession',
      'identity to match': 'identity to match',
    };
    expect(detectMapping(header, 'mentee', preset)).toEqual(reference);
    expect(detectMapping(header, 'mentee', adjusted)).toEqual({
      ...reference,
      'match with similar identity': 'match with similar identity',
    });
  });

  it.each(['email', 'E-mail', 'Email Address', 'e-mail address', ' EMAIL_ADDRESS '])(
    'recognises "%s" as the email column',
    (column) => {
      expect(detectMapping(['Name', column], 'mentor', preset).email).toBe(column);
    },
  );

  it('ignores case, spacing and punctuation in rule columns', () => {
    const mapping = detectMapping(
      ['Grade', 'Organisation ', 'PROFESSION', 'Identity-to-match', 'Match with similar identity?'],
      'mentee',
      adjusted,
    );
    expect(mapping).toMatchObject({
      grade: 'Grade',
      organisation: 'Organisation ',
      profession: 'PROFESSION',
      'identity to match': 'Identity-to-match',
      'match with similar identity': 'Match with similar identity?',
    });
  });

  it('knows common synonyms of rule columns', () => {
    expect(detectMapping(['Organization', 'Band'], 'mentor', preset)).toMatchObject({
      organisation: 'Organization',
      grade: 'Band',
    });
  });

  it('prefers the exact name over a synonym', () => {
    expect(detectMapping(['Department', 'Organisation'], 'mentor', preset).organisation).toBe('Organisation');
  });

  it('leaves out fields it cannot find', () => {
    expect(detectMapping(['Name'], 'mentor', preset)).toEqual({ name: 'Name' });
  });

  it("applies the rule set's column overrides for the table's role", () => {
    const parsed = parseRuleSet({
      ...preset,
      columns: { mentor: { organisation: 'Employer name' }, mentee: { organisation: 'Other' } },
    });
    if (!parsed.ok) throw new Error(parsed.problems[0].message);
    expect(detectMapping(['Employer name', 'Organisation'], 'mentor', parsed.ruleSet).organisation).toBe(
      'Employer name',
    );
  });

  it("maps both sides' rule columns for a people table", () => {
    const mapping = detectMapping(['Role', 'characteristics', 'identity to match'], 'people', preset);
    expect(mapping).toMatchObject({
      role: 'Role',
      characteristics: 'characteristics',
      'identity to match': 'identity to match',
    });
  });

  it('produces a mapping that its schema accepts', () => {
    expect(columnMappingSchema.safeParse(detectMapping(['Email'], 'mentor', preset)).success).toBe(true);
  });
});

describe('headerKey', () => {
  it('drops case, spaces and punctuation', () => {
    expect(headerKey(' E-mail  Address: ')).toBe('emailaddress');
  });
});

describe('nearestHeader', () => {
  it('suggests a header one typo away', () => {
    expect(nearestHeader(['Email', 'Organsation', 'Grade'], 'organisation')).toBe('Organsation');
  });

  it('suggests a header that holds the name given, however much longer', () => {
    expect(nearestHeader(['Email', 'Your department or agency', 'Your grade'], 'Your department')).toBe(
      'Your department or agency',
    );
    expect(nearestHeader(['Email', 'Role = mentor or mentee?'], 'Role')).toBe('Role = mentor or mentee?');
    expect(nearestHeader(['Email', 'Your grade'], 'de')).toBeNull();
  });

  it('suggests nothing when no header is close', () => {
    expect(nearestHeader(['Email', 'Grade'], 'profession')).toBeNull();
  });
});
