import type { ReportView } from '../model';

/**
 * The report a submit answered with, handed to the results page that the submit opens, so that
 * page does not ask the server for the attempt and its report again (two requests, and the
 * Worker rebuilding the same report). Taken once: a reload of the results page reads the server.
 */
let kept: ReportView | undefined;

export function keepSubmittedReport(report: ReportView): void {
  kept = report;
}

export function takeSubmittedReport(attemptId: string): ReportView | undefined {
  if (kept?.attemptId !== attemptId) return undefined;
  const report = kept;
  kept = undefined;
  return report;
}
