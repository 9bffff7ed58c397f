/** Types for scripts/electronegativity.mjs (its pure parts are unit-tested). */
export interface Justification {
  check: string;
  file: string;
  reason: string;
}
export interface Finding {
  check: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  column: number;
  description: string;
  sample: string;
}
export function parseJustifications(markdown: string): Justification[];
export function toFindings(issues: unknown[], scannedDir: string): Finding[];
export function judge(
  findings: Finding[],
  justifications: Justification[],
): { justified: Finding[]; unjustified: Finding[]; informational: Finding[]; unused: Justification[] };
export function main(argv?: string[]): Promise<number>;
