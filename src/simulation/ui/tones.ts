import type { StepTone } from '../animation/steps';
import type { StepPhase } from '../animation/timeline';

export const TONE_WORD: Record<StepTone, string> = {
  pass: 'passed',
  fail: 'failed',
  skip: 'not needed',
  neutral: '',
};

export const TONE_MARK: Record<StepTone, string> = {
  pass: '✓',
  fail: '✗',
  skip: '–',
  neutral: '•',
};

const TONE_CLASSES: Record<StepTone, string> = {
  pass: 'border-emerald-500 bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100',
  fail: 'border-red-500 bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100',
  skip: 'border-slate-300 bg-slate-50 text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300',
  neutral: 'border-sky-400 bg-sky-50 text-sky-900 dark:bg-sky-950/60 dark:text-sky-100',
};

export const MARK_CLASSES: Record<StepTone, string> = {
  pass: 'bg-emerald-600 text-white',
  fail: 'bg-red-600 text-white',
  skip: 'bg-slate-400 text-white dark:bg-slate-500',
  neutral: 'bg-sky-600 text-white',
};

const PENDING_CLASSES =
  'border-dashed border-slate-300 bg-transparent text-slate-400 dark:border-slate-600 dark:text-slate-500';

export function stepClasses(tone: StepTone, phase: StepPhase): string {
  if (phase === 'pending') return PENDING_CLASSES;
  return `${TONE_CLASSES[tone]}${phase === 'current' ? ' ring-2 ring-offset-1 ring-sky-500 dark:ring-offset-slate-900' : ''}`;
}
