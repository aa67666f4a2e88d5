import type { PeriodKind, SubjectType, Weekday } from '@karina/db';
import { Prng } from './prng.js';
import {
  ADDRESSES,
  DEPARTMENTS,
  EMAIL_DOMAINS,
  GENERAL_DEPARTMENT,
  GIVEN_NAMES,
  POST_TEMPLATES,
  SURNAMES,
} from './korean-data.js';

export interface SeedOptions {
  /** Students to create (2,000 by default). */
  students: number;
  /** Sections (분반) to create over all subjects (300 by default). */
  sections: number;
  /** Major departments; the general-education faculty (교양학부) comes on top (12 by default). */
  departments: number;
  /** PRNG seed: the same seed and time give the same university. */
  seed: number;
  /** Seed time in epoch ms: the registration period opens now, entry years follow from it. */
  now: number;
}

export const DEFAULT_SEED_OPTIONS = { students: 2000, sections: 300, departments: 12, seed: 1 } as const;

/** 학번 NNN is three digits, so one department admits at most 999 students a year. */
export const MAX_STUDENTS_PER_YEAR_AND_DEPARTMENT = 999;
export const MAX_DEPARTMENTS = DEPARTMENTS.length;
export const MAX_SECTIONS = 20_000;
export const MAX_STUDENTS = MAX_DEPARTMENTS * 4 * MAX_STUDENTS_PER_YEAR_AND_DEPARTMENT;

export interface PlannedMeeting {
  day: Weekday;
  startMin: number;
  endMin: number;
}

export interface PlannedDepartment {
  name: string;
  general: boolean;
  professors: string[];
  posts: { title: string; body: string; ageDays: number }[];
}

export interface PlannedSubject {
  department: number;
  name: string;
  credits: number;
  type: SubjectType;
  targetYear: number | null;
  description: string;
}

export interface PlannedSection {
  subject: number;
  /** 분반 number within the subject, 1-based. */
  number: number;
  /** Index into its department's professors. */
  professor: number;
  capacity: number;
  meetings: PlannedMeeting[];
}

export interface PlannedStudent {
  /** Index into the major departments (never the general-education faculty). */
  department: number;
  name: string;
  year: number;
  entryYear: number;
  tel: string;
  email: string;
  birthDate: string;
  postcode: string;
  address1: string;
  address2: string;
}

export interface PlannedPeriod {
  name: string;
  kind: PeriodKind;
  opensAt: number;
  closesAt: number;
  yearsMask: number;
  maxCredits: number;
}

export interface UniversityPlan {
  departments: PlannedDepartment[];
  subjects: PlannedSubject[];
  sections: PlannedSection[];
  students: PlannedStudent[];
  periods: PlannedPeriod[];
}

export class SeedOptionsError extends Error {}

const DAY_MS = 86_400_000;
const KST_OFFSET_MS = 9 * 3_600_000;
const DAY_START = 9 * 60;
const DAY_END = 18 * 60;
/** The usual start times of 90-minute class blocks at Korean universities. */
const BLOCK_STARTS = [540, 630, 720, 810, 900, 990];
const PAIRS: readonly (readonly [Weekday, Weekday])[] = [
  ['MON', 'WED'],
  ['TUE', 'THU'],
  ['WED', 'FRI'],
];
const WEEKDAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];

export function assertSeedOptions(options: SeedOptions): void {
  const problems: string[] = [];
  const whole = (name: string, value: number, min: number, max: number) => {
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max}, got ${value}`);
    }
  };
  whole('students', options.students, 0, MAX_STUDENTS);
  whole('sections', options.sections, 0, MAX_SECTIONS);
  whole('departments', options.departments, 1, MAX_DEPARTMENTS);
  whole('seed', options.seed, 0, 4_294_967_295);
  const room = options.departments * 4 * MAX_STUDENTS_PER_YEAR_AND_DEPARTMENT;
  if (problems.length === 0 && options.students > room) {
    problems.push(
      `${options.students} students do not fit in ${options.departments} departments ` +
        `(at most ${MAX_STUDENTS_PER_YEAR_AND_DEPARTMENT} per department and entry year, ${room} in all); ` +
        'use more --departments',
    );
  }
  if (problems.length > 0) throw new SeedOptionsError(problems.join('; '));
}

/**
 * The term being registered for at a moment, in Korean time: 1학기 (from March) is registered for
 * from November to May, 2학기 (from September) from June to October.
 */
export function academicTerm(now: number): { year: number; term: '1학기' | '2학기' } {
  const d = new Date(now + KST_OFFSET_MS);
  const month = d.getUTCMonth() + 1;
  const year = d.getUTCFullYear();
  if (month >= 11) return { year: year + 1, term: '1학기' };
  return { year, term: month >= 6 ? '2학기' : '1학기' };
}

const WEIGHTED_SURNAMES = SURNAMES.map(
  ([hangul, roman, weight]) => [[hangul, roman] as const, weight] as const,
);

function personName(rng: Prng): { name: string; surnameRoman: string; givenRoman: string } {
  const [surname, surnameRoman] = rng.weighted(WEIGHTED_SURNAMES);
  const [given, givenRoman] = rng.pick(GIVEN_NAMES);
  return { name: `${surname}${given}`, surnameRoman, givenRoman };
}

/** Splits total into shares proportional to the weights, largest remainders first. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left === 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left--;
  }
  return shares;
}

function block(rng: Prng, minutes: number, preferUsual: boolean): number {
  if (preferUsual && minutes <= 90) return rng.pick(BLOCK_STARTS.filter((s) => s + minutes <= DAY_END));
  const steps = (DAY_END - DAY_START - minutes) / 30;
  return DAY_START + 30 * rng.int(0, steps);
}

/** Weekly meetings worth the credits, on 30-minute steps within 09:00-18:00, never overlapping. */
export function planMeetings(rng: Prng, credits: number): PlannedMeeting[] {
  const single = (minutes: number, day: Weekday = rng.pick(WEEKDAYS)): PlannedMeeting[] => {
    const start = block(rng, minutes, false);
    return [{ day, startMin: start, endMin: start + minutes }];
  };
  const pair = (minutes: number): PlannedMeeting[] => {
    const days = rng.pick(PAIRS);
    const start = block(rng, minutes, true);
    return days.map((day) => ({ day, startMin: start, endMin: start + minutes }));
  };
  switch (credits) {
    case 1:
      return single(rng.chance(0.7) ? 60 : 120);
    case 2:
      return rng.chance(0.6) ? single(120) : pair(60);
    case 3:
      if (rng.chance(0.7)) return pair(90);
      return single(180, rng.chance(0.03) ? 'SAT' : rng.pick(WEEKDAYS));
    default: {
      if (rng.chance(0.6)) return pair(120);
      const two = pair(90);
      const used = new Set(two.map((m) => m.day));
      const third = rng.pick(WEEKDAYS.filter((d) => !used.has(d)));
      return [...two, ...single(60, third)];
    }
  }
}

function subjectCredits(rng: Prng, name: string, general: boolean): number {
  if (name.startsWith('체육')) return 1;
  if (name.includes('실험') || name.includes('실습')) return 2;
  if (general) return /회화|입문/.test(name) ? 2 : 3;
  return rng.weighted([
    [3, 88],
    [4, 7],
    [2, 5],
  ]);
}

function planDepartments(
  root: Prng,
  options: SeedOptions,
  sectionShares: readonly number[],
): {
  departments: PlannedDepartment[];
  subjects: PlannedSubject[];
  sections: PlannedSection[];
} {
  const { year, term } = academicTerm(options.now);
  const seeds = [...DEPARTMENTS.slice(0, options.departments), GENERAL_DEPARTMENT];
  const departments: PlannedDepartment[] = [];
  const subjects: PlannedSubject[] = [];
  const sections: PlannedSection[] = [];
  seeds.forEach((seed, d) => {
    const general = seed === GENERAL_DEPARTMENT;
    const rng = root.fork(`department:${seed.name}`);
    const sectionCount = sectionShares[d] ?? 0;
    const professorCount = Math.max(2, Math.ceil(sectionCount / 3));
    const professors = Array.from({ length: professorCount }, () => personName(rng).name);
    const postCount = rng.int(2, 4);
    const templates = [...POST_TEMPLATES];
    const posts = Array.from({ length: postCount }, () => {
      const [title, body] = templates.splice(rng.int(0, templates.length - 1), 1)[0] ?? ['', ''];
      const fill = (s: string) =>
        s.replaceAll('{dept}', seed.name).replaceAll('{year}', String(year)).replaceAll('{term}', term);
      return { title: fill(title), body: fill(body), ageDays: rng.int(1, 30) };
    });
    departments.push({ name: seed.name, general, professors, posts });

    // About two sections per subject, but large catalogs give popular subjects many 분반.
    const subjectCount = Math.min(seed.subjects.length, Math.ceil(sectionCount / 2));
    const firstSubject = subjects.length;
    const required = Math.ceil(seed.subjects.length * 0.35);
    for (let i = 0; i < subjectCount; i++) {
      const name = seed.subjects[i] ?? `${seed.name} 특강 ${i + 1}`;
      const credits = subjectCredits(rng, name, general);
      subjects.push({
        department: d,
        name,
        credits,
        type: general ? 'general' : i < required ? 'major_required' : 'major_elective',
        targetYear: general ? null : Math.min(4, 1 + Math.floor((i * 4) / seed.subjects.length)),
        description: `${name}의 핵심 개념과 응용을 다룹니다. (${credits}학점)`,
      });
    }
    const perSubject = apportion(
      sectionCount,
      Array.from({ length: subjectCount }, () => 1),
    );
    perSubject.forEach((count, i) => {
      const subject = subjects[firstSubject + i];
      if (!subject) return;
      for (let n = 1; n <= count; n++) {
        const capacity =
          subject.type === 'general'
            ? 5 * rng.int(8, 24)
            : subject.type === 'major_required'
              ? 5 * rng.int(6, 16)
              : 5 * rng.int(4, 12);
        sections.push({
          subject: firstSubject + i,
          number: n,
          professor: rng.int(0, professorCount - 1),
          capacity,
          meetings: planMeetings(rng, subject.credits),
        });
      }
    });
  });
  return { departments, subjects, sections };
}

function planStudents(root: Prng, options: SeedOptions): PlannedStudent[] {
  const rng = root.fork('students');
  // Year-1 students entered this calendar year (Korean time), so no entry year lies in the future.
  const thisYear = new Date(options.now + KST_OFFSET_MS).getUTCFullYear();
  const filled = new Map<string, number>();
  const students: PlannedStudent[] = [];
  const yearWeights = [
    [1, 28],
    [2, 25],
    [3, 24],
    [4, 23],
  ] as const;
  for (let i = 0; i < options.students; i++) {
    let department = rng.int(0, options.departments - 1);
    let year = rng.weighted(yearWeights);
    // Move to the next (department, year) with room: 학번 NNN allows 999 per department and year.
    for (
      let tries = 0;
      (filled.get(`${department}:${year}`) ?? 0) >= MAX_STUDENTS_PER_YEAR_AND_DEPARTMENT;
      tries++
    ) {
      year = (year % 4) + 1;
      if (year === 1) department = (department + 1) % options.departments;
      if (tries > options.departments * 4) throw new SeedOptionsError('no room left for students');
    }
    filled.set(`${department}:${year}`, (filled.get(`${department}:${year}`) ?? 0) + 1);
    const entryYear = thisYear - year + 1;
    const person = personName(rng);
    const birthYear = entryYear - 19 - (rng.chance(0.12) ? rng.int(1, 2) : 0);
    const month = rng.int(1, 12);
    const day = rng.int(1, new Date(Date.UTC(birthYear, month, 0)).getUTCDate());
    const [district, roads, first, last] = rng.pick(ADDRESSES);
    const address2 = rng.chance(0.7)
      ? `${rng.int(101, 115)}동 ${rng.int(1, 25)}${String(rng.int(1, 4)).padStart(2, '0')}호`
      : `${rng.int(2, 5)}층 ${rng.int(201, 505)}호`;
    const handle = rng.chance(0.5)
      ? `${person.givenRoman}${person.surnameRoman}${rng.digits(2)}`
      : `${person.surnameRoman}.${person.givenRoman}${rng.int(0, 99)}`;
    students.push({
      department,
      name: person.name,
      year,
      entryYear,
      tel: `010-${rng.int(2, 9)}${rng.digits(3)}-${rng.digits(4)}`,
      email: `${handle}@${rng.weighted(EMAIL_DOMAINS)}`,
      birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      postcode: String(rng.int(first, last)).padStart(5, '0'),
      address1: `${district} ${rng.pick(roads)} ${rng.int(1, 300)}`,
      address2,
    });
  }
  return students;
}

/**
 * A closed 예비수강신청 (cart) period, 수강신청 open from now for 14 days for years 1-4 with 18 credits,
 * then 수강정정 (add/drop).
 */
function planPeriods(now: number): PlannedPeriod[] {
  const { year, term } = academicTerm(now);
  const label = `${year}학년도 ${term}`;
  const allYears = 0b1111;
  return [
    {
      name: `${label} 예비수강신청(장바구니)`,
      kind: 'cart',
      opensAt: now - 8 * DAY_MS,
      closesAt: now - 1 * DAY_MS,
      yearsMask: allYears,
      maxCredits: 18,
    },
    {
      name: `${label} 수강신청`,
      kind: 'registration',
      opensAt: now,
      closesAt: now + 14 * DAY_MS,
      yearsMask: allYears,
      maxCredits: 18,
    },
    {
      name: `${label} 수강정정`,
      kind: 'add_drop',
      opensAt: now + 15 * DAY_MS,
      closesAt: now + 22 * DAY_MS,
      yearsMask: allYears,
      maxCredits: 18,
    },
  ];
}

/** The whole university as plain data; deterministic in (seed, counts, now). */
export function planUniversity(options: SeedOptions): UniversityPlan {
  assertSeedOptions(options);
  const root = new Prng(options.seed);
  // General education takes a fifth of the sections; the majors share the rest evenly.
  const general = Math.round(options.sections * 0.2);
  const majorShares = apportion(
    options.sections - general,
    Array.from({ length: options.departments }, () => 1),
  );
  const { departments, subjects, sections } = planDepartments(root, options, [...majorShares, general]);
  return {
    departments,
    subjects,
    sections,
    students: planStudents(root, options),
    periods: planPeriods(options.now),
  };
}
