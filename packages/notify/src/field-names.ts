// Personalisation field names. The defaults are lower case with spaces because that is how people
// write placeholders in a GOV.UK Notify template: ((first name)), ((match 1 name)).

export interface FieldNames {
  readonly firstName: string;
  readonly lastName: string;
  readonly numberOfMatches: string;
  /** `{n}` is replaced by the match number, 1-based. */
  readonly matchName: string;
  readonly matchEmail: string;
  readonly matchJobTitle: string;
  readonly matchBiography: string;
  /** All matches as one block of text, for templates that do not know how many there will be. */
  readonly matchDetails: string;
}

export const defaultFieldNames: FieldNames = {
  firstName: 'first name',
  lastName: 'last name',
  numberOfMatches: 'number of matches',
  matchName: 'match {n} name',
  matchEmail: 'match {n} email',
  matchJobTitle: 'match {n} job title',
  matchBiography: 'match {n} biography',
  matchDetails: 'match details',
};

export function numbered(template: string, n: number): string {
  return template.replaceAll('{n}', String(n));
}
