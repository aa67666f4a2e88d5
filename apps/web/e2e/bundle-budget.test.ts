import { describe, expect, it } from 'vitest';
import { bundleReport, formatReport } from '../scripts/bundle-report.js';
import { chromiumPath } from './support/browser.js';

const STUDENT_PAGE_BUDGET = 120 * 1024;

// The build comes from this project's global setup, which only builds when the browser suites run.
describe.runIf(chromiumPath)('bundle budgets (from the build the browser suites use)', () => {
  const report = bundleReport();
  console.log(`initial JavaScript per page, gzipped:\n${formatReport(report)}`);

  it('every student page opens with at most 120 KB of gzipped JavaScript', () => {
    const student = report.pages.filter((p) => !p.page.startsWith('src/features/admin/'));
    expect(student.length).toBeGreaterThan(5);
    for (const p of student) expect(p.gzipBytes, p.page).toBeLessThanOrEqual(STUDENT_PAGE_BUDGET);
  });

  it('the registrar’s code sits in chunks no student page downloads', () => {
    expect(report.pages.some((p) => p.page.startsWith('src/features/admin/'))).toBe(true);
    expect(report.adminInStudentPages).toEqual([]);
  });
});
