// The values the generator draws from, with weights that imitate a real cross-government scheme:
// a few very large departments and a long tail of small bodies, most people in the middle grades,
// and most people declaring no characteristic. Rates are round figures in the range published in
// civil service workforce statistics, not exact ones: the aim is realistic skew, not a census.

/** The Mentor Match grade ladder, lowest first. */
export const grades = ['AA', 'AO', 'EO', 'HEO', 'SEO', 'Grade 7', 'Grade 6', 'SCS1', 'SCS2', 'SCS3', 'SCS4'] as const;
export type Grade = (typeof grades)[number];

/** Mentees: weighted towards the middle of the ladder. */
export const menteeGradeWeights: readonly number[] = [4, 12, 20, 22, 17, 13, 7, 3, 1.2, 0.5, 0.1];
/** Mentors: shifted up the ladder (people volunteer to mentor once they are more senior). */
export const mentorGradeWeights: readonly number[] = [0.5, 2, 6, 12, 17, 22, 19, 12, 6, 2.5, 0.8];

/** Largest first: the generator gives rank k a Zipf weight 1/k^s. */
export const organisations: readonly string[] = [
  'Department for Work and Pensions',
  'HM Revenue and Customs',
  'Ministry of Justice',
  'Home Office',
  'Ministry of Defence',
  'HM Prison and Probation Service',
  'HM Courts and Tribunals Service',
  'Department for Environment, Food and Rural Affairs',
  'Foreign, Commonwealth and Development Office',
  'Department for Education',
  'Department of Health and Social Care',
  'Cabinet Office',
  'Department for Transport',
  'Department for Business and Trade',
  'HM Treasury',
  'Department for Science, Innovation and Technology',
  'Ministry of Housing, Communities and Local Government',
  'Department for Energy Security and Net Zero',
  'Department for Culture, Media and Sport',
  'Office for National Statistics',
  'Environment Agency',
  'Driver and Vehicle Licensing Agency',
  'Crown Prosecution Service',
  'UK Health Security Agency',
  'HM Land Registry',
  'Companies House',
  'Met Office',
  'Rural Payments Agency',
  'Animal and Plant Health Agency',
  'Health and Safety Executive',
  'Insolvency Service',
  'Government Legal Department',
  'Intellectual Property Office',
  'Valuation Office Agency',
  'Maritime and Coastguard Agency',
  'Driver and Vehicle Standards Agency',
  'Competition and Markets Authority',
  'Medicines and Healthcare products Regulatory Agency',
  'Ofsted',
  'Crown Commercial Service',
  'The National Archives',
  'Planning Inspectorate',
  'Charity Commission',
  'Food Standards Agency',
  'Forestry Commission',
  'Government Property Agency',
  'Serious Fraud Office',
  'National Savings and Investments',
  'UK Export Finance',
  'Ofqual',
  'Office of Rail and Road',
  "Government Actuary's Department",
];
export const organisationZipfExponent = 1.05;

export const professions: readonly (readonly [string, number])[] = [
  ['Operational Delivery', 38],
  ['Policy', 11],
  ['Digital, Data and Technology', 8],
  ['Project Delivery', 5],
  ['Finance', 5],
  ['Analysis', 4.5],
  ['Tax', 4],
  ['Human Resources', 4],
  ['Science and Engineering', 4],
  ['Commercial', 3],
  ['Communications', 3],
  ['Security', 2],
  ['Legal', 2],
  ['Counter Fraud', 1.5],
  ['Knowledge and Information Management', 1],
  ['Intelligence Analysis', 1],
  ['Property', 1],
  ['Internal Audit', 0.5],
  ['Planning', 0.5],
];

/** Each person declares each characteristic independently with this probability. */
export const characteristicRates: readonly (readonly [string, number])[] = [
  ['Lesbian', 0.015],
  ['Gay', 0.025],
  ['Bisexual or pansexual', 0.03],
  ['Asexual or aromantic', 0.01],
  ['Transgender', 0.006],
  ['Non-binary', 0.008],
  ['Disabled', 0.14],
  ['Ethnic minority', 0.15],
  ['Neurodivergent', 0.06],
  ['Carer', 0.08],
  ['Lower socio-economic background', 0.1],
];

export const firstNames: readonly string[] = [
  'Ada', 'Aisha', 'Alex', 'Amara', 'Amir', 'Ana', 'Ben', 'Bronwen', 'Callum', 'Chen', 'Chloe', 'Chidi',
  'Daniel', 'Deepa', 'Eilidh', 'Emma', 'Fatima', 'Finn', 'Grace', 'Hamza', 'Hannah', 'Harpreet', 'Ibrahim',
  'Isla', 'Jack', 'James', 'Jia', 'Kemi', 'Kieran', 'Laura', 'Leila', 'Liam', 'Lucy', 'Mariam', 'Mark',
  'Mei', 'Mohammed', 'Nadia', 'Niamh', 'Oliver', 'Olu', 'Priya', 'Rachel', 'Rhys', 'Rosa', 'Sam', 'Sean',
  'Sofia', 'Sophie', 'Tariq', 'Tom', 'Wei', 'Yusuf', 'Zara', 'Zoë', "D'Arcy", 'Siân', 'Łukasz',
];

export const lastNames: readonly string[] = [
  'Adeyemi', 'Ahmed', 'Ali', 'Anderson', 'Baker', 'Begum', 'Brown', 'Campbell', 'Chen', 'Clarke', 'Davies',
  'Evans', 'Fernandes', 'Green', 'Hall', 'Hughes', 'Hussain', 'Jones', 'Kaur', 'Khan', 'Kowalski', 'Lewis',
  'Li', 'MacDonald', 'Martin', 'Mensah', 'Morgan', 'Murphy', 'Nguyen', 'Novak', 'Okafor', 'Patel', 'Price',
  'Roberts', 'Robinson', 'Shah', 'Singh', 'Smith', 'Taylor', 'Thomas', 'Thompson', 'Walker', 'Wang', 'White',
  'Williams', 'Wilson', 'Wright', 'Young', "O'Brien", 'Ó Súilleabháin', 'Nowak-Smith', 'ap Gwilym',
];

/** Job titles by grade band; the profession is added to the middle grades' titles. */
export const juniorTitles: readonly string[] = ['Administrative Officer', 'Support Officer', 'Case Worker', 'Customer Service Adviser'];
export const middleTitles: readonly string[] = ['Officer', 'Adviser', 'Senior Adviser', 'Lead', 'Manager', 'Specialist'];
export const seniorTitleByGrade: Readonly<Record<string, string>> = {
  'Grade 6': 'Head of',
  SCS1: 'Deputy Director,',
  SCS2: 'Director,',
  SCS3: 'Director General,',
  SCS4: 'Permanent Secretary',
};

export const interests: readonly string[] = [
  'building confidence in presenting to senior leaders',
  'moving between departments',
  'preparing for a promotion board',
  'managing a team for the first time',
  'working flexibly around caring responsibilities',
  'getting into policy work from operations',
  'learning how ministers and private offices work',
  'leading change programmes',
  'making the most of a "stretch" assignment',
  'balancing delivery pressure with wellbeing',
  'networking across the profession',
  'moving into a digital role',
];
